// The loader of every signed-in page: the student check and the page's own API calls
// start together (one wait for the API instead of two), and a banned or delisted
// student gets their standing instead of the page.
import { redirect } from '@remix-run/node';

import { api, isApiError, type Caller, type Dashboard, type Me } from './api.server';
import { formatDistance, formatTime, formatWhen, plural, statusLabel, zoneOrDefault } from './format.server';
import { callerFor, getSession, loginUrl, signOutRedirect, throwForErrorPage, verifyStudent } from './session.server';
import type { AttendanceTodayView, DeadlineView, MeetingView, StandingView } from './views';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type StudentPage<T> =
  | { user: Me; zone: string; standing: StandingView; data: null }
  | { user: Me; zone: string; standing: null; data: T };

/**
 * The API's answer to a suspended student: its standing gate answers every other call
 * with 403 ACCOUNT_SUSPENDED, and `GET /me/standing` (still open to them) gives the reason.
 */
async function standingFromError(error: unknown, caller: Caller): Promise<StandingView | null> {
  if (!isApiError(error) || error.code !== 'ACCOUNT_SUSPENDED') return null;
  const standing = await api.me.standing(caller).catch(() => null);
  const status = standing?.status ?? (typeof error.details.status === 'string' ? error.details.status : 'banned');
  return { status, statusLabel: statusLabel(status), reason: standing?.status_reason ?? null, message: error.message };
}

export function standingOf(student: Dashboard['student']): StandingView | null {
  if (!student.status || student.status === 'active') return null;
  return { status: student.status, statusLabel: statusLabel(student.status), reason: student.status_reason, message: null };
}

/**
 * Runs `load` (which must include `GET /me/dashboard`, the source of the student's
 * standing) next to the `GET /auth/me` check. Not signed in, or signed out by the API:
 * redirect to /login. Other API failures: the error page with the API's message.
 */
export async function loadStudentPage<T extends { dashboard: Dashboard }>(
  request: Request,
  context: { clientIp?: string; userAgent?: string },
  load: (caller: Caller) => Promise<T>,
): Promise<StudentPage<T>> {
  const session = await getSession(request);
  if (!session.get('token')) throw redirect(loginUrl(request));
  const caller = callerFor(session, context);
  const pending: Promise<Settled<T>> = load(caller).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
  const { user } = await verifyStudent(request, session, caller, api.auth.me(caller));
  const zone = zoneOrDefault(user.timezone);
  const outcome = await pending;
  if (!outcome.ok) {
    const standing = await standingFromError(outcome.error, caller);
    if (standing) return { user, zone, standing, data: null };
    if (isApiError(outcome.error) && outcome.error.status === 401) return signOutRedirect(request, session, 'expired');
    return throwForErrorPage(outcome.error);
  }
  const standing = standingOf(outcome.value.dashboard.student);
  if (standing) return { user, zone, standing, data: null };
  return { user, zone, standing: null, data: outcome.value };
}

/** `?attended=<mission id>` after a successful attendance form (post/redirect/get). */
export function attendedParam(request: Request): number | null {
  const value = Number(new URL(request.url).searchParams.get('attended'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

const CLOSED_TEXT: Record<string, string> = {
  upcoming: 'Attendance opens when this mission starts.',
  completed: 'This mission is completed, so attendance is closed.',
  archived: 'This mission is archived, so attendance is closed.',
};

export function attendanceToday(
  mission: Dashboard['missions'][number],
  justSubmittedId: number | null,
  todayLabel: string,
): AttendanceTodayView {
  const { attendance } = mission;
  return {
    missionId: mission.mission_id,
    code: mission.code,
    title: mission.title,
    statusLabel: statusLabel(mission.status),
    todayLabel,
    submittedToday: attendance.submitted_today,
    canSubmit: attendance.can_submit && !attendance.submitted_today,
    closedText:
      mission.status === 'active'
        ? attendance.can_submit
          ? null
          : 'Attendance is closed for your account.'
        : (CLOSED_TEXT[mission.status] ?? 'This mission is not active, so attendance is closed.'),
    streak: attendance.streak,
    streakText: plural(attendance.streak, 'day'),
    daysAttendedText: plural(attendance.days_attended, 'day'),
    justSubmitted:
      justSubmittedId === mission.mission_id && attendance.submitted_today
        ? `Attendance recorded for today (${todayLabel}).`
        : null,
  };
}

const EARLY_MINUTES = 10; // API.md: check-in opens 10 minutes before the start and closes at the end.

export function meetingView(
  meeting: {
    id: number;
    title: string;
    starts_at: string;
    duration_minutes: number;
    requires_code: boolean;
    mission_code: string;
    mission_title?: string;
  },
  attended: boolean,
  zone: string,
  now: Date = new Date(),
): MeetingView {
  const start = new Date(meeting.starts_at);
  const opens = new Date(start.getTime() - EARLY_MINUTES * 60_000);
  const ends = new Date(start.getTime() + meeting.duration_minutes * 60_000);
  const window = now < opens ? 'soon' : now <= ends ? 'open' : 'ended';
  const windowText =
    window === 'open'
      ? `Check-in open until ${formatTime(ends, zone)}`
      : window === 'soon'
        ? `Check-in opens ${formatWhen(opens, zone, now, true)}${
            opens.getTime() - now.getTime() < 12 * 60 * 60 * 1000 ? ` (${formatDistance(opens, now)})` : ''
          }`
        : 'Ended';
  const hours = Math.floor(meeting.duration_minutes / 60);
  const minutes = meeting.duration_minutes % 60;
  const durationText = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : ''].filter(Boolean).join(' ');
  return {
    id: meeting.id,
    title: meeting.title,
    missionCode: meeting.mission_code,
    missionTitle: meeting.mission_title,
    whenText: `${formatWhen(start, zone, now)}–${formatTime(ends, zone)}`,
    durationText,
    requiresCode: meeting.requires_code,
    attended,
    window,
    windowText,
    isoStart: meeting.starts_at,
  };
}

export function deadlineView(
  assignment: { id: number; number: number; title: string; deadline: string; mission_code: string },
  submission: 'on_time' | 'late' | null,
  zone: string,
  now: Date = new Date(),
): DeadlineView {
  const passed = new Date(assignment.deadline) < now;
  const state = submission ?? (passed ? 'missing' : 'due');
  const stateText = { on_time: 'Submitted on time', late: 'Submitted late', missing: 'Missing', due: 'Not submitted yet' }[state];
  return {
    id: assignment.id,
    number: assignment.number,
    title: assignment.title,
    missionCode: assignment.mission_code,
    dueText: formatWhen(assignment.deadline, zone, now, true),
    distanceText: passed ? `closed ${formatDistance(assignment.deadline, now)}` : `due ${formatDistance(assignment.deadline, now)}`,
    state,
    stateText,
    isoDeadline: assignment.deadline,
  };
}
