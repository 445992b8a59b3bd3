import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { revalidateAfterPost } from '~/components/engagement';
import { CsrfInput, Field, FormStatus, SubmitButton, TextAreaField } from '~/components/form';
import { api, type IntegrityActionKind, type StandingAction, type StandingAppeal } from '~/lib/api.server';
import { formatWhen, statusLabel } from '~/lib/format.server';
import { failureFor, type FormResult } from '~/lib/forms';
import { failure, field, idOf, invalid, isWebLink } from '~/lib/forms.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction = () => [{ title: 'Standing · Student Portal' }];

const STATEMENT_MAX = 10_000; // API.md: appeals.statement, at most 10,000 characters.

const KIND_LABELS: Record<string, string> = { cheating: 'Cheating', plagiarism: 'Plagiarism', other: 'Misconduct' };

const ACTION_LABELS: Record<IntegrityActionKind, string> = {
  warning: 'Warning',
  restrict: 'Restriction: no mentorship',
  ban: 'Ban',
  delist: 'Delisting',
};

const APPEAL_STATES: Record<StandingAppeal['status'], { label: string; badge: string }> = {
  open: { label: 'Under review', badge: 'badge badge-warn' },
  accepted: { label: 'Accepted', badge: 'badge badge-good' },
  rejected: { label: 'Rejected', badge: 'badge badge-bad' },
};

const appealIntent = (caseId: number) => `appeal-${caseId}`;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, (caller) => api.me.standing(caller), { allowSuspended: true });
  const { zone, data: standing } = page;
  const now = new Date();
  // Mid-sentence: "Decided today, 10:52", "Ends Mon 30 Nov, 18:00".
  const when = (instant: string) => formatWhen(instant, zone, now, true);
  const appealed = idOf(new URL(request.url).searchParams.get('appealed') ?? '');
  const suspended = standing.status !== 'active';

  const actionView = (action: StandingAction) => {
    const ended = !action.lifted_at && action.ends_at !== null && new Date(action.ends_at) <= now;
    return {
      id: action.id,
      label: ACTION_LABELS[action.action] ?? action.action,
      reason: action.reason,
      takenText: when(action.taken_at),
      isoTaken: action.taken_at,
      // A warning has no end; the others run until a date or until lifted.
      endText:
        action.action === 'warning' || action.lifted_at
          ? null
          : action.ends_at
            ? `${ended ? 'Ended' : 'Ends'} ${when(action.ends_at)}`
            : 'No end date: until it is lifted',
      state: action.live ? 'In force' : action.lifted_at ? 'Lifted' : 'Ended',
      stateBadge: action.live ? (action.action === 'warning' ? 'badge badge-warn' : 'badge badge-bad') : 'badge',
      liftedText: action.lifted_at ? `Lifted ${when(action.lifted_at)}` : null,
      liftReason: action.lifted_at ? action.lift_reason : null,
    };
  };

  return {
    status: standing.status,
    statusLabel: statusLabel(standing.status),
    reason: standing.status_reason,
    restricted: standing.restricted,
    suspended,
    appealedText:
      appealed && standing.cases.some((c) => c.id === appealed)
        ? 'Your appeal is sent. The SRE team will review it and email you their decision.'
        : null,
    appealedCaseId: appealed,
    cases: standing.cases.map((kase) => ({
      id: kase.id,
      title: `${KIND_LABELS[kase.kind] ?? kase.kind} case`,
      closed: kase.status === 'closed',
      openedText: when(kase.created_at),
      isoOpened: kase.created_at,
      description: kase.description,
      actions: kase.actions.map(actionView),
      appeals: kase.appeals.map((appeal) => ({
        id: appeal.id,
        ...APPEAL_STATES[appeal.status],
        sentText: when(appeal.created_at),
        statement: appeal.statement,
        link: appeal.link && isWebLink(appeal.link) ? appeal.link : null,
        decisionNote: appeal.decision_note,
        decidedText: appeal.decided_at ? when(appeal.decided_at) : null,
      })),
      // The API allows an appeal once an action was taken; one that no longer applies
      // (lifted, e.g. by an accepted appeal, or ended) leaves nothing to appeal.
      canAppeal: kase.can_appeal && kase.actions.some((action) => action.live),
      appealOpen: kase.appeals.some((appeal) => appeal.status === 'open'),
    })),
  };
}

/** POST /appeals {case_id, statement, link?}: open to banned and delisted students. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const caseId = idOf(field(form, 'case_id'));
  const intent = appealIntent(caseId);
  const statement = field(form, 'statement');
  const link = field(form, 'link');
  const values = { statement, link };
  const errors: Record<string, string> = {};
  if (!statement) errors.statement = 'Write why the decision should change.';
  else if (statement.length > STATEMENT_MAX) errors.statement = `Keep your appeal under ${STATEMENT_MAX.toLocaleString('en-GB')} characters.`;
  if (link && !isWebLink(link)) errors.link = 'Give a full web address starting with https://, or leave it empty.';
  if (!caseId) errors.statement = 'Choose the case you appeal.';
  if (Object.keys(errors).length) return invalid(errors, { intent, values });
  try {
    await api.appeals.create(caller, { case_id: caseId, statement, link: link || null });
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent, values });
  }
  return redirect(`/standing?appealed=${caseId}#case-${caseId}`);
}

type StandingData = ReturnType<typeof useLoaderData<typeof loader>>;

function Summary({ standing }: { standing: StandingData }) {
  if (standing.suspended) {
    const status = standing.statusLabel.toLowerCase();
    return (
      <section className="panel standing standing-bad" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your account is {status}</h2>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <span className="badge badge-bad">{standing.statusLabel}</span>
            </dd>
          </div>
          <div>
            <dt>Reason</dt>
            <dd>{standing.reason ?? 'The school has not written a reason here.'}</dd>
          </div>
        </dl>
        {standing.cases.length ? (
          <p>
            While your account is {status}, the rest of the portal is closed to you. Below is each decision and why. If
            you think a decision is wrong, appeal it: the SRE team reviews every appeal, and an accepted appeal restores
            your access at once.
          </p>
        ) : (
          <p>
            While your account is {status}, the rest of the portal is closed to you. If you think this is a mistake,
            contact the SRE team of your batch.
          </p>
        )}
      </section>
    );
  }
  if (standing.restricted) {
    return (
      <section className="panel standing standing-warn" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your account is restricted</h2>
        <p>
          Mentorship is unavailable: you cannot check in to meetings or write to your mentor. Everything else works as
          usual, and the SRE team can still help you through <Link to="/tickets/new?to=sre">a ticket</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="panel standing standing-good" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Your account is in good standing</h2>
      <p>
        Nothing limits your account.{' '}
        {standing.cases.length ? 'Past cases are listed below for your records.' : 'You have no integrity cases.'}
      </p>
      <p>
        <Link to="/dashboard">Go to your dashboard</Link>
      </p>
    </section>
  );
}

function AppealForm({ caseId, result }: { caseId: number; result?: FormResult }) {
  const intent = appealIntent(caseId);
  const failed = failureFor(result, intent);
  const prefix = `case-${caseId}-`;
  return (
    <Form method="post" className="stack appeal-form" aria-labelledby={`${prefix}appeal-heading`}>
      <h4 className="subhead" id={`${prefix}appeal-heading`}>
        Appeal this decision
      </h4>
      <FormStatus failure={failed} />
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="case_id" value={caseId} />
      <TextAreaField
        idPrefix={prefix}
        name="statement"
        label="Your statement"
        hint="Explain why the decision should change: what happened, what you did, and who or what can confirm it."
        maxLength={STATEMENT_MAX}
        required
        failure={failed}
      />
      <Field
        idPrefix={prefix}
        name="link"
        label="Link to evidence (optional)"
        hint="A full address such as https://github.com/you/project."
        type="url"
        inputMode="url"
        autoComplete="off"
        failure={failed}
      />
      <SubmitButton intent={intent} pendingText="Sending…">
        Send appeal
      </SubmitButton>
    </Form>
  );
}

export default function StandingPage() {
  const standing = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Your standing</h1>
      <Summary standing={standing} />

      {standing.cases.length ? (
        <section aria-labelledby="cases-heading" className="section">
          <h2 id="cases-heading">Integrity cases</h2>
          <ul className="card-list">
            {standing.cases.map((kase) => (
              <li key={kase.id} id={`case-${kase.id}`} className="card case-card">
                <header className="card-head">
                  <h3>{kase.title}</h3>
                  <span className={kase.closed ? 'badge' : 'badge badge-warn'}>{kase.closed ? 'Closed' : 'Open'}</span>
                </header>
                <p className="item-meta muted">
                  <span>
                    Opened <time dateTime={kase.isoOpened}>{kase.openedText}</time>
                  </span>
                </p>
                <p className="note">{kase.description}</p>

                <h4 className="subhead">Decisions</h4>
                {kase.actions.length ? (
                  <ul className="item-list">
                    {kase.actions.map((action) => (
                      <li key={action.id} className="item">
                        <p className="item-title">
                          <span>{action.label}</span> <span className={action.stateBadge}>{action.state}</span>
                        </p>
                        <p className="note">{action.reason}</p>
                        <p className="item-meta muted">
                          <span>
                            Decided <time dateTime={action.isoTaken}>{action.takenText}</time>
                          </span>
                        </p>
                        {action.endText ? <p className="item-meta muted">{action.endText}</p> : null}
                        {action.liftedText ? (
                          <>
                            <p className="item-meta">
                              <strong>{action.liftedText}</strong>
                            </p>
                            {action.liftReason ? <p className="note">{action.liftReason}</p> : null}
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No decision yet.</p>
                )}

                {kase.appeals.length ? (
                  <>
                    <h4 className="subhead">Your appeals</h4>
                    <ul className="item-list">
                      {kase.appeals.map((appeal) => (
                        <li key={appeal.id} className="item">
                          <p className="item-title">
                            <span>Appeal sent {appeal.sentText}</span> <span className={appeal.badge}>{appeal.label}</span>
                          </p>
                          <p className="note">{appeal.statement}</p>
                          {appeal.link ? (
                            <p className="item-meta">
                              <a href={appeal.link} rel="noopener noreferrer nofollow" className="break">
                                {appeal.link}
                              </a>
                            </p>
                          ) : null}
                          {appeal.decidedText ? (
                            <div className="decision">
                              <p className="item-meta">
                                <strong>Decision</strong>
                                <span className="muted">{appeal.decidedText}</span>
                              </p>
                              <p className="note">{appeal.decisionNote}</p>
                            </div>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}

                <FormStatus success={standing.appealedCaseId === kase.id ? standing.appealedText : null} />
                {kase.canAppeal ? (
                  <AppealForm caseId={kase.id} result={result} />
                ) : kase.appealOpen && standing.appealedCaseId !== kase.id ? (
                  <p className="muted">Your appeal is under review. You will get an email when the SRE team decides.</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
