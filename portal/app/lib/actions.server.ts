// The engagement forms' actions, shared by the pages that show them: submit today's
// attendance (dashboard, attendance page) and check in to a meeting (meetings page).
// Each is a plain POST with the CSRF token; success redirects back (post/redirect/get),
// failure answers the API's message for the form that was sent (its `intent`).
import { redirect } from '@remix-run/node';

import { api } from './api.server';
import { failure, field, idOf, invalid, refuse } from './forms.server';
import { readStudentForm, signOutIfUnauthenticated } from './session.server';
import { attendanceIntent, checkInIntent, rateIntent } from './views';

export const NOTE_MAX = 2000; // API.md: POST /attendance note, at most 2,000 characters.


/** POST /attendance for the mission in the form, then back to `backTo` with `?attended=<mission id>`. */
export async function submitAttendance(request: Request, context: { clientIp?: string; userAgent?: string }, backTo: string) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const missionId = idOf(field(form, 'mission_id'));
  const intent = attendanceIntent(missionId);
  const note = field(form, 'note');
  const values = { note };
  if (!missionId) return refuse('Choose a mission.', { intent, values });
  if (note.length > NOTE_MAX) {
    return invalid({ note: `Keep the note under ${NOTE_MAX.toLocaleString('en-GB')} characters.` }, { intent, values });
  }
  try {
    await api.attendance.submit(caller, missionId, note);
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent, values });
  }
  return redirect(`${backTo}?attended=${missionId}#mission-${missionId}`);
}

/** POST /meetings/:id/check-in with the code (when the meeting asks for one), then back to /meetings. */
export async function checkIn(request: Request, context: { clientIp?: string; userAgent?: string }) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const meetingId = idOf(field(form, 'meeting_id'));
  const intent = checkInIntent(meetingId);
  // People paste codes as "123 456": only the digits count.
  const code = field(form, 'code').replace(/\s+/g, '');
  const values = { code };
  if (!meetingId) return refuse('Choose a meeting.', { intent });
  if (field(form, 'requires_code') === '1' && !/^\d{6}$/.test(code)) {
    return invalid(
      { code: code ? 'The code has 6 digits.' : 'Enter the 6-digit code your mentor is showing.' },
      { intent, values },
    );
  }
  try {
    await api.meetings.checkIn(caller, meetingId, code || undefined);
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    // A refused code has expired by the time the page is back: leave the box empty for the new one.
    return failure(error, { intent });
  }
  return redirect(`/meetings?checked=${meetingId}#meeting-${meetingId}`);
}

/** POST /mentor_feedback for a meeting I attended, then back to /meetings with `?rated=<meeting id>`. */
export async function rateMeeting(request: Request, context: { clientIp?: string; userAgent?: string }) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const meetingId = idOf(field(form, 'meeting_id'));
  const intent = rateIntent(meetingId);
  const rating = Number(field(form, 'rating'));
  const comment = field(form, 'comment');
  const values = { rating: field(form, 'rating'), comment };
  if (!meetingId) return refuse('Choose a meeting.', { intent });
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return invalid({ rating: 'Choose 1 to 5 stars.' }, { intent, values });
  if (comment.length > 1000) return invalid({ comment: 'Keep the comment under 1,000 characters.' }, { intent, values });
  try {
    await api.feedback.rate(caller, meetingId, rating, comment);
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent, values });
  }
  return redirect(`/meetings?rated=${meetingId}#meeting-${meetingId}`);
}
