// Pieces shared by the engagement pages: today's attendance form, the standing of a
// banned or delisted student, progress, deadline badges. Plain markup, no client
// state: every form is a POST that works without JavaScript.
import { Form, Link, type ShouldRevalidateFunction } from '@remix-run/react';
import type { ReactNode } from 'react';

import { failureFor, type FormResult } from '~/lib/forms';
import { attendanceIntent, DEADLINE_BADGE, type AttendanceTodayView, type DeadlineState, type StandingView } from '~/lib/views';

import { CsrfInput, Field, FormStatus, SubmitButton } from './form';

/**
 * After any POST, reload the page's data, even when the action refused (a 409 "already
 * submitted" must also show the fresh "Submitted today"): what a browser without
 * JavaScript gets anyway. Remix skips revalidation after 4xx answers by default.
 */
export const revalidateAfterPost: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? true : defaultShouldRevalidate;

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

/**
 * A banned or delisted student sees why, and nothing to act on (PRODUCT.md D: they
 * may sign in to read why and appeal; appeals come with a later issue).
 */
export function StandingNotice({ standing, name }: { standing: StandingView; name?: string }) {
  return (
    <section className="panel standing" aria-labelledby="standing-heading">
      <h2 id="standing-heading">
        Your account is {standing.statusLabel.toLowerCase()}
      </h2>
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
      {standing.message && !standing.reason ? <p>{standing.message}</p> : null}
      <p className="muted">
        {name ? `${name}, while` : 'While'} your account is {standing.status}, attendance, meetings, assignments and points
        are closed to you. If you think this is a mistake, contact the SRE team of your batch.
      </p>
    </section>
  );
}

/** The page for a banned or delisted student: the heading and their standing. */
export function StandingPage({ title, standing, name }: { title: string; standing: StandingView; name?: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <StandingNotice standing={standing} name={name} />
    </div>
  );
}

/**
 * Today's attendance of one mission: the one-tap form while it is open, "Submitted
 * today" once done, or why it is closed. Messages from the action sit in a live region.
 */
export function AttendanceToday({ view, result }: { view: AttendanceTodayView; result?: FormResult }) {
  const intent = attendanceIntent(view.missionId);
  const failed = failureFor(result, intent);
  return (
    <div className="attendance-today">
      <FormStatus failure={failed} success={view.justSubmitted} />
      {view.submittedToday ? (
        <p className="status-line status-done">
          <span aria-hidden="true">✓ </span>Submitted today
          <span className="muted"> · {view.todayLabel}</span>
        </p>
      ) : view.canSubmit ? (
        <Form method="post" className="stack attendance-form">
          <p className="status-line">
            Not submitted yet today <span className="muted">· {view.todayLabel}</span>
          </p>
          <CsrfInput />
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="mission_id" value={view.missionId} />
          <Field
            idPrefix={`m${view.missionId}-`}
            name="note"
            label="What did you do today? (optional)"
            maxLength={2000}
            autoComplete="off"
            enterKeyHint="send"
            failure={failed}
          />
          <SubmitButton intent={intent} pendingText="Submitting…">
            Submit today&apos;s attendance<VisuallyHidden> for {view.code}</VisuallyHidden>
          </SubmitButton>
        </Form>
      ) : (
        <p className="status-line muted">{view.closedText}</p>
      )}
    </div>
  );
}

/** Points out of points possible so far, as a bar and as words. */
export function PointsProgress({ id, points, possible }: { id: string; points: number; possible: number }) {
  const percent = possible > 0 ? Math.min(100, Math.round((points / possible) * 100)) : 0;
  return (
    <div className="progress-block">
      <p className="progress-label" id={id}>
        {points} of {possible} possible points so far ({percent}%)
      </p>
      <progress className="progress" max={Math.max(possible, 1)} value={Math.min(points, Math.max(possible, 1))} aria-labelledby={id}>
        {percent}%
      </progress>
    </div>
  );
}

export function DeadlineBadge({ state, text }: { state: DeadlineState; text: string }) {
  return <span className={DEADLINE_BADGE[state]}>{text}</span>;
}

/** "Times are in Asia/Dhaka" with a way to change it. */
export function ZoneNote({ zone }: { zone: string }) {
  return (
    <p className="muted small zone-note">
      Times are shown in {zone.replace(/_/g, ' ')}. <Link to="/profile">Change your time zone</Link>
    </p>
  );
}
