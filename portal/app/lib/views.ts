// Shapes the loaders hand to components: finished text and plain flags, formatted on
// the server (format.server.ts), so the browser formats nothing.

/** One mission's attendance for today, with the form or the reason there is none. */
export interface AttendanceTodayView {
  missionId: number;
  code: string;
  title: string;
  statusLabel: string;
  todayLabel: string;
  submittedToday: boolean;
  canSubmit: boolean;
  /** Why there is no form (mission not active), or null. */
  closedText: string | null;
  streak: number;
  streakText: string;
  daysAttendedText: string;
  /** The success sentence after this mission's form went through (from `?attended=`). */
  justSubmitted: string | null;
}

/** A meeting line: when, and where check-in stands. */
export interface MeetingView {
  id: number;
  title: string;
  missionCode: string;
  missionTitle?: string;
  whenText: string;
  durationText: string;
  requiresCode: boolean;
  attended: boolean;
  /** 'open' (check-in possible now), 'soon' (opens later), 'ended'. */
  window: 'open' | 'soon' | 'ended';
  windowText: string;
  isoStart: string;
}

export type DeadlineState = 'on_time' | 'late' | 'missing' | 'due';

export interface DeadlineView {
  id: number;
  number: number;
  title: string;
  missionCode: string;
  dueText: string;
  distanceText: string;
  state: DeadlineState;
  stateText: string;
  isoDeadline: string;
}

export const DEADLINE_BADGE: Record<DeadlineState, string> = {
  on_time: 'badge badge-good',
  late: 'badge badge-warn',
  missing: 'badge badge-bad',
  due: 'badge',
};

/** `intent` of the attendance form of one mission (several forms on a page). */
export const attendanceIntent = (missionId: number) => `attendance-${missionId}`;
/** `intent` of the check-in form of one meeting. */
export const checkInIntent = (meetingId: number) => `check-in-${meetingId}`;

export const rateIntent = (meetingId: number) => `rate-${meetingId}`;

/** A ticket's status as its student reads it: `open` waits for staff, `waiting` for the student. */
export const TICKET_STATES: Record<'open' | 'waiting' | 'closed', { label: string; badge: string }> = {
  open: { label: 'Awaiting reply', badge: 'badge badge-warn' },
  waiting: { label: 'Answered', badge: 'badge badge-good' },
  closed: { label: 'Closed', badge: 'badge' },
};

/** A feature request's review status. */
export const IDEA_STATES: Record<'new' | 'planned' | 'declined' | 'done', { label: string; badge: string }> = {
  new: { label: 'New', badge: 'badge' },
  planned: { label: 'Planned', badge: 'badge badge-info' },
  done: { label: 'Done', badge: 'badge badge-good' },
  declined: { label: 'Declined', badge: 'badge badge-bad' },
};
