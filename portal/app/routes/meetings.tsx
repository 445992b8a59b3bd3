import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { VisuallyHidden, ZoneNote, revalidateAfterPost } from '~/components/engagement';
import { ChoiceField, CsrfInput, Field, FormStatus, SubmitButton, TextAreaField } from '~/components/form';
import { checkIn, rateMeeting } from '~/lib/actions.server';
import { apiList, type MeetingAttendanceRow, type MeetingRow, type MentorFeedbackRow } from '~/lib/api.server';
import { failureFor, type FormResult } from '~/lib/forms';
import { loadStudentPage, meetingView } from '~/lib/student-page.server';
import { checkInIntent, rateIntent, type MeetingView } from '~/lib/views';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction = () => [{ title: 'Meetings · Student Portal' }];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const since = new Date(Date.now() - WEEK_MS).toISOString();
  const page = await loadStudentPage(request, context, async (caller) => {
    const meetings = await apiList<MeetingRow>(caller, 'meetings', {
      filter: { starts_at_gte: since },
      sort: ['starts_at', 'ASC'],
      range: [0, 199],
    });
    // Own rows only: which of these meetings I am checked in to.
    const attendance = meetings.rows.length
      ? await apiList<MeetingAttendanceRow>(caller, 'meeting_attendance', {
          filter: { meeting_id: meetings.rows.map((meeting) => meeting.id) },
          range: [0, 199],
        })
      : { rows: [], total: 0 };
    // My own ratings: which meetings I have already rated.
    const feedback = attendance.rows.length
      ? await apiList<MentorFeedbackRow>(caller, 'mentor_feedback', {
          filter: { meeting_id: attendance.rows.map((row) => row.meeting_id) },
          range: [0, 199],
        })
      : { rows: [], total: 0 };
    return { meetings: meetings.rows, attendance: attendance.rows, feedback: feedback.rows };
  });
  const { zone } = page;

  const { meetings, attendance, feedback } = page.data;
  const attendedIds = new Set(attendance.map((row) => row.meeting_id));
  const ratings = new Map(feedback.map((row) => [row.meeting_id, row.rating]));
  const now = new Date();
  const all = meetings.map((meeting) => meetingView(meeting, attendedIds.has(meeting.id), zone, now));
  const params = new URL(request.url).searchParams;
  const checked = Number(params.get('checked'));
  const checkedMeeting = all.find((meeting) => meeting.id === checked && meeting.attended);
  const rated = Number(params.get('rated'));
  return {
    zone,
    view: {
      open: all.filter((meeting) => meeting.window === 'open'),
      upcoming: all.filter((meeting) => meeting.window === 'soon'),
      past: all.filter((meeting) => meeting.window === 'ended').reverse(),
      checkedId: checkedMeeting?.id ?? null,
      checkedText: checkedMeeting ? `You are checked in to “${checkedMeeting.title}”.` : null,
      ratedId: ratings.has(rated) ? rated : null,
      ratings: Object.fromEntries(ratings),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const intent = String((await request.clone().formData()).get('intent') ?? '');
  return intent.startsWith('rate-') ? rateMeeting(request, context) : checkIn(request, context);
}

const STARS = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`, detail: ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'][n] }));

/** After a meeting I attended: how was it? Once, for the mentor who held it (they never see who rated). */
function RateForm({ meeting, result }: { meeting: MeetingView; result?: FormResult }) {
  const intent = rateIntent(meeting.id);
  const failed = failureFor(result, intent);
  return (
    <details className="rate-meeting" open={Boolean(failed)}>
      <summary>Rate this meeting</summary>
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="meeting_id" value={meeting.id} />
        <FormStatus failure={failed} />
        <ChoiceField idPrefix={`rate-${meeting.id}-`} name="rating" legend="How was it?" options={STARS} failure={failed} />
        <TextAreaField
          idPrefix={`rate-${meeting.id}-`}
          name="comment"
          label="Anything to add? (optional)"
          hint="Your mentor sees the rating and the comment, not your name."
          rows={3}
          maxLength={1000}
          failure={failed}
        />
        <SubmitButton intent={intent} pendingText="Sending…">
          Send rating
        </SubmitButton>
      </Form>
    </details>
  );
}

function CheckInForm({ meeting, result }: { meeting: MeetingView; result?: FormResult }) {
  const intent = checkInIntent(meeting.id);
  const failed = failureFor(result, intent);
  return (
    <Form method="post" className="stack check-in-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="meeting_id" value={meeting.id} />
      <input type="hidden" name="requires_code" value={meeting.requiresCode ? '1' : '0'} />
      {meeting.requiresCode ? (
        <Field
          idPrefix={`meeting-${meeting.id}-`}
          name="code"
          label="Check-in code"
          hint="The 6 digits your mentor is showing now. It changes every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          className="code-input"
          failure={failed}
        />
      ) : null}
      <SubmitButton intent={intent} pendingText="Checking in…">
        Check in<VisuallyHidden> to {meeting.title}</VisuallyHidden>
      </SubmitButton>
    </Form>
  );
}

function MeetingCard({
  meeting,
  result,
  success,
  rating,
}: {
  meeting: MeetingView;
  result?: FormResult;
  success: string | null;
  rating: number | null;
}) {
  const failed = failureFor(result, checkInIntent(meeting.id));
  return (
    <li id={`meeting-${meeting.id}`} className="card meeting-card">
      <h3 className="item-title">{meeting.title}</h3>
      <p className="item-meta">
        <span>
          {meeting.missionCode}
          {meeting.missionTitle ? <span className="muted"> · {meeting.missionTitle}</span> : null}
        </span>
      </p>
      <p className="item-meta">
        <time dateTime={meeting.isoStart}>{meeting.whenText}</time>
        <span className="muted">· {meeting.durationText}</span>
        {meeting.requiresCode ? <span className="badge">Code needed</span> : null}
      </p>
      <FormStatus failure={failed} success={success} />
      {meeting.attended ? (
        <>
          <p className="status-line status-done">
            <span aria-hidden="true">✓ </span>Checked in
            {rating ? <span className="muted"> · You rated it {rating} of 5</span> : null}
          </p>
          {rating || meeting.window === 'soon' ? null : <RateForm meeting={meeting} result={result} />}
        </>
      ) : meeting.window === 'open' ? (
        <>
          <p className="status-line">{meeting.windowText}</p>
          <CheckInForm meeting={meeting} result={result} />
        </>
      ) : meeting.window === 'soon' ? (
        <p className="status-line muted">{meeting.windowText}</p>
      ) : (
        <p className="status-line">
          <span className="badge badge-bad">Missed</span>{' '}
          <span className="muted">Attended but could not check in? Ask your mentor to mark you present.</span>
        </p>
      )}
    </li>
  );
}

export default function Meetings() {
  const { zone, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  const groups = [
    { id: 'open', title: 'Check-in open now', meetings: view.open, empty: null },
    {
      id: 'upcoming',
      title: 'Coming up',
      meetings: view.upcoming,
      empty: 'No meetings scheduled yet. Your mentor will add them here.',
    },
    { id: 'past', title: 'Earlier this week', meetings: view.past, empty: 'No meetings in the last 7 days.' },
  ];

  return (
    <div className="page">
      <h1>Meetings</h1>
      <p className="lead">
        Check in during the meeting: check-in opens 10 minutes before the start and closes when the meeting ends.
      </p>
      {groups.map((group) =>
        group.meetings.length || group.empty ? (
          <section key={group.id} aria-labelledby={`${group.id}-heading`} className="section">
            <h2 id={`${group.id}-heading`}>{group.title}</h2>
            {group.meetings.length ? (
              <ul className="card-list">
                {group.meetings.map((meeting) => (
                  <MeetingCard
                    key={meeting.id}
                    meeting={meeting}
                    result={result}
                    success={
                      view.checkedId === meeting.id ? view.checkedText : view.ratedId === meeting.id ? 'Thank you: your rating is sent.' : null
                    }
                    rating={view.ratings[meeting.id] ?? null}
                  />
                ))}
              </ul>
            ) : (
              <p className="panel muted">{group.empty}</p>
            )}
          </section>
        ) : null,
      )}
      <ZoneNote zone={zone} />
    </div>
  );
}
