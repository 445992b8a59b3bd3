// The loader of every signed-in page: the student check and the page's own API calls
// start together (one wait for the API instead of two), and a banned or delisted
// student is sent to /standing, the one page they may still open.
import { redirect } from '@remix-run/node';

import { api, isApiError, type Caller, type Dashboard, type Me } from './api.server';
import { formatDistance, formatTime, formatWhen, plural, statusLabel, zoneOrDefault } from './format.server';
import {
  callerFor,
  currentUser,
  getSession,
  isSuspended,
  loginUrl,
  signOutRedirect,
  STANDING_PATH,
  throwForErrorPage,
  verifyStudent,
  type PortalSession,
  type StudentOptions,
} from './session.server';
import type { AttendanceTodayView, DeadlineView, MeetingView } from './views';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface StudentPage<T> {
  user: Me;
  zone: string;
  data: T;
}

/**
 * Runs `load` next to the `GET /auth/me` check. Not signed in, or signed out by the
 * API: redirect to /login. Banned or delisted (by /auth/me, or by the API's standing
 * gate answering ACCOUNT_SUSPENDED): redirect to /standing. Other API failures: the
 * error page with the API's message. `options.allowSuspended`: the standing page only.
 */
export async function loadStudentPage<T>(
  request: Request,
  context: { clientIp?: string; userAgent?: string },
  load: (caller: Caller) => Promise<T>,
  options: StudentOptions = {},
): Promise<StudentPage<T>> {
  const session = await getSession(request);
  if (!session.get('token')) throw redirect(loginUrl(request));
  const caller = callerFor(session, context);
  const pending: Promise<Settled<T>> = load(caller).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
  const { user } = await verifyStudent(request, session, caller, currentUser(context, caller), options);
  const zone = zoneOrDefault(user.timezone);
  const outcome = await pending;
  if (!outcome.ok) {
    if (isApiError(outcome.error) && outcome.error.code === 'ACCOUNT_SUSPENDED') throw redirect(STANDING_PATH);
    if (isApiError(outcome.error) && outcome.error.status === 401) return signOutRedirect(request, session, 'expired');
    return throwForErrorPage(outcome.error);
  }
  return { user, zone, data: outcome.value };
}

/** What the header shows a signed-in student: which nav, the restriction banner, unread notices. */
export interface NavState {
  suspended: boolean;
  restricted: boolean;
  /** Unread notices (null when unknown, e.g. the API is down). */
  unread: number | null;
  /** New alerts (assignments, replies, shout-outs, certificates, appeal decisions) since last marked seen. */
  alerts: number | null;
}

const UNREAD_WINDOW = 100; // the newest notices counted for the nav's unread figure

/**
 * For the root loader: never throws (the page's own loader deals with a signed-out
 * or unreachable API). The notice being opened by this very request counts as read:
 * its loader marks it read at the same moment.
 */
export async function navState(
  request: Request,
  session: PortalSession,
  context: { clientIp?: string; userAgent?: string },
): Promise<NavState | null> {
  const caller = callerFor(session, context);
  const [user, notices, alerts] = await Promise.all([
    currentUser(context, caller).catch(() => null),
    api.me.notices(caller, [0, UNREAD_WINDOW - 1]).catch(() => null),
    api.me.notifications(caller).catch(() => null),
  ]);
  if (!user || user.role !== 'student') return null;
  if (isSuspended(user)) return { suspended: true, restricted: false, unread: null, alerts: null };
  const opening = /^\/notices\/(\d+)(?:\.data)?$/.exec(new URL(request.url).pathname)?.[1];
  return {
    suspended: false,
    restricted: Boolean(user.standing?.restricted),
    unread: notices ? notices.rows.filter((notice) => notice.unread && String(notice.id) !== opening).length : null,
    alerts: alerts?.new_count ?? null,
  };
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
