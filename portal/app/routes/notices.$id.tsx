import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { revalidateAfterPost } from '~/components/engagement';
import { CsrfInput, FormStatus, SubmitButton } from '~/components/form';
import { api, type Reaction } from '~/lib/api.server';
import { audienceText, formatWhen } from '~/lib/format.server';
import { failureFor } from '~/lib/forms';
import { failure, field, idOf, refuse } from '~/lib/forms.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.notice.title ?? 'Notice'} · Student Portal` },
];

// ✓ ! 🌟 in the spec; the star is drawn as ★, which every phone's fonts have (🌟 needs an emoji font).
const REACTIONS: { key: Reaction; symbol: string; label: string }[] = [
  { key: 'check', symbol: '✓', label: 'Got it' },
  { key: 'important', symbol: '!', label: 'Important' },
  { key: 'star', symbol: '★', label: 'Great' },
];

function noticeId(params: { id?: string }): number {
  const id = idOf(params.id);
  if (!id) throw new Response(null, { status: 404 });
  return id;
}

/** `GET /me/notices/:id`: reading it marks it read. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = noticeId(params);
  const page = await loadStudentPage(request, context, (caller) => api.me.notice(caller, id));
  const { zone, data: notice } = page;
  const now = new Date();
  const mine = new Set(notice.my_reactions ?? []);
  const acknowledgedNow = new URL(request.url).searchParams.has('acknowledged');
  return {
    notice: {
      id: notice.id,
      title: notice.title,
      bodyHtml: notice.body_html,
      pinned: notice.pinned,
      from: notice.created_by_name,
      audience: audienceText(notice),
      whenText: formatWhen(notice.publish_at, zone, now),
      isoPublished: notice.publish_at,
      requiresAck: notice.requires_ack,
      acknowledgedText: notice.acknowledged_at ? `You acknowledged this notice ${formatWhen(notice.acknowledged_at, zone, now, true)}.` : null,
    },
    acknowledgedNow: acknowledgedNow && Boolean(notice.acknowledged_at),
    reactions: REACTIONS.map((reaction) => ({
      ...reaction,
      count: notice.reaction_counts?.[reaction.key] ?? 0,
      on: mine.has(reaction.key),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = noticeId(params);
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const intent = field(form, 'intent');
  try {
    if (intent === 'acknowledge') {
      await api.notices.acknowledge(caller, id);
      return redirect(`/notices/${id}?acknowledged=1#acknowledge`);
    }
    if (intent === 'react') {
      const reaction = REACTIONS.find((r) => r.key === field(form, 'reaction'));
      if (!reaction) return refuse('Choose a reaction.', { intent });
      await api.notices.react(caller, id, reaction.key);
      return redirect(`/notices/${id}#reactions`);
    }
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent });
  }
  return refuse('That form is not known here. Reload the page and try again.', { intent });
}

export default function Notice() {
  const { notice, acknowledgedNow, reactions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page notice-page">
      <p className="back-link">
        <Link to="/notices">
          <span aria-hidden="true">← </span>All notices
        </Link>
      </p>
      <article aria-labelledby="notice-title">
        <header className="notice-head">
          <h1 id="notice-title">{notice.title}</h1>
          <p className="item-meta muted">
            <span>
              {notice.from} · {notice.audience} · <time dateTime={notice.isoPublished}>{notice.whenText}</time>
            </span>
            {notice.pinned ? <span className="badge">Pinned</span> : null}
          </p>
        </header>
        {/* Sanitised by the API (markdown rendered without scripts, handlers or unsafe links). */}
        <div className="card notice-body" dangerouslySetInnerHTML={{ __html: notice.bodyHtml }} />
      </article>

      {notice.requiresAck ? (
        <section id="acknowledge" aria-labelledby="ack-heading" className="section">
          <h2 id="ack-heading">Acknowledgement</h2>
          <FormStatus
            failure={failureFor(result, 'acknowledge')}
            success={acknowledgedNow ? 'Thanks, your acknowledgement is recorded.' : null}
          />
          {notice.acknowledgedText ? (
            <p className="status-line status-done">
              <span aria-hidden="true">✓ </span>
              {notice.acknowledgedText}
            </p>
          ) : (
            <Form method="post" className="stack ack-form">
              <p>The school asks you to confirm that you have read and understood this notice.</p>
              <CsrfInput />
              <input type="hidden" name="intent" value="acknowledge" />
              <SubmitButton intent="acknowledge" pendingText="Recording…">
                I acknowledge
              </SubmitButton>
            </Form>
          )}
        </section>
      ) : null}

      <section id="reactions" aria-labelledby="reactions-heading" className="section">
        <h2 id="reactions-heading">Reactions</h2>
        <FormStatus failure={failureFor(result, 'react')} />
        <Form method="post" className="reactions">
          <CsrfInput />
          <input type="hidden" name="intent" value="react" />
          {reactions.map((reaction) => (
            <button
              key={reaction.key}
              type="submit"
              name="reaction"
              value={reaction.key}
              className="reaction"
              aria-pressed={reaction.on}
              aria-label={`${reaction.label}, ${reaction.count} ${reaction.count === 1 ? 'reaction' : 'reactions'}`}
            >
              <span className={`reaction-symbol reaction-${reaction.key}`} aria-hidden="true">
                {reaction.symbol}
              </span>
              {reaction.label}
              <span className="reaction-count">{reaction.count}</span>
            </button>
          ))}
        </Form>
        <p className="muted small">Tap again to take your reaction back.</p>
      </section>
    </div>
  );
}
