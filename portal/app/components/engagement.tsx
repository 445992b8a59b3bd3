// Pieces shared by the engagement pages: today's attendance form, progress, deadline
// badges. Plain markup, no client state: every form is a POST that works without JavaScript.
import { Form, Link, type ShouldRevalidateFunction } from '@remix-run/react';
import type { ReactNode } from 'react';

import { failureFor, type FormResult } from '~/lib/forms';
import { attendanceIntent, DEADLINE_BADGE, type AttendanceTodayView, type DeadlineState } from '~/lib/views';

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

/** A mission's card: its heading (code · title) and status badge, then whatever the page shows about it. */
export function MissionCard({ mission, children }: { mission: { id: number; code: string; title: string; status: string; statusLabel: string }; children: ReactNode }) {
  return (
    <section id={`mission-${mission.id}`} className="card mission-card" aria-labelledby={`mission-${mission.id}-title`}>
      <header className="card-head">
        <h3 id={`mission-${mission.id}-title`}>
          {mission.code} · {mission.title}
        </h3>
        <span className={mission.status === 'active' ? 'badge badge-good' : 'badge'}>{mission.statusLabel}</span>
      </header>
      {children}
    </section>
  );
}
