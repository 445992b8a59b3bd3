/** Choices for the cohort resources' enumerations, with the API's exact values. */
export type Choice = { id: string; name: string };

export const BATCH_STATUS_CHOICES: Choice[] = [
  { id: 'planned', name: 'Planned' },
  { id: 'active', name: 'Active' },
  { id: 'completed', name: 'Completed' },
  { id: 'archived', name: 'Archived' },
  { id: 'cancelled', name: 'Cancelled' },
];

export const MISSION_STATUS_CHOICES: Choice[] = [
  { id: 'upcoming', name: 'Upcoming' },
  { id: 'active', name: 'Active' },
  { id: 'completed', name: 'Completed' },
  { id: 'archived', name: 'Archived' },
  { id: 'cancelled', name: 'Cancelled' },
];

/**
 * What a person may set: a batch's or mission's status follows from its dates (the database decides planned,
 * active, completed) unless it is archived or cancelled. `dated` is the value that means "follow the dates".
 */
export const stateChoices = (dated: string): Choice[] => [
  { id: dated, name: 'Follows its dates' },
  { id: 'archived', name: 'Archived' },
  { id: 'cancelled', name: 'Cancelled' },
];
/** The state input's value for a stored status (any date-derived status shows as "follows its dates"). */
export const stateOf = (dated: string) => (value: unknown) => (value === 'archived' || value === 'cancelled' ? value : dated);

export const STUDENT_STATUS_CHOICES: Choice[] = [
  { id: 'active', name: 'Active' },
  { id: 'banned', name: 'Banned' },
  { id: 'delisted', name: 'Delisted' },
];

export const ENROLMENT_STATUS_CHOICES: Choice[] = [
  { id: 'active', name: 'Active' },
  { id: 'withdrawn', name: 'Withdrawn' },
  { id: 'completed', name: 'Completed' },
];

export const IMPORT_KIND_CHOICES: Choice[] = [
  { id: 'students', name: 'Students' },
  { id: 'enrolments', name: 'Enrolments' },
  { id: 'pairings', name: 'Mentor pairings' },
];

export const IMPORT_STATUS_CHOICES: Choice[] = [
  { id: 'running', name: 'Running' },
  { id: 'succeeded', name: 'Succeeded' },
  { id: 'failed', name: 'Failed' },
];

export const SUBMISSION_STATUS_CHOICES: Choice[] = [
  { id: 'on_time', name: 'On time' },
  { id: 'late', name: 'Late' },
];

export const ATTENDANCE_METHOD_CHOICES: Choice[] = [
  { id: 'self', name: 'Checked in' },
  { id: 'code', name: 'Checked in with code' },
  { id: 'manual', name: 'Marked by staff' },
];

export const CASE_KIND_CHOICES: Choice[] = [
  { id: 'cheating', name: 'Cheating' },
  { id: 'plagiarism', name: 'Plagiarism' },
  { id: 'other', name: 'Other misconduct' },
];

export const CASE_STATUS_CHOICES: Choice[] = [
  { id: 'open', name: 'Open' },
  { id: 'closed', name: 'Closed' },
];

export const INTEGRITY_ACTION_CHOICES: Choice[] = [
  { id: 'warning', name: 'Warning' },
  { id: 'restrict', name: 'Restrict' },
  { id: 'ban', name: 'Ban' },
  { id: 'delist', name: 'Delist' },
];

/** What each action does to the student, shown where staff choose one. */
export const INTEGRITY_ACTION_HELP: Record<string, string> = {
  warning: 'Recorded on the case; the student is told and keeps full access.',
  restrict: 'No mentorship resources: meeting check-in and tickets to the mentor are refused.',
  ban: 'Signs the student out everywhere; they can only read why and appeal.',
  delist: 'Removes the student from the school; they can only read why and appeal.',
};

export const APPEAL_STATUS_CHOICES: Choice[] = [
  { id: 'open', name: 'Open' },
  { id: 'accepted', name: 'Accepted' },
  { id: 'rejected', name: 'Rejected' },
];

export const NOTICE_AUDIENCE_CHOICES: Choice[] = [
  { id: 'everyone', name: 'Everyone' },
  { id: 'batch', name: 'A batch' },
  { id: 'mission', name: 'A mission' },
];

export const TICKET_STATUS_CHOICES: Choice[] = [
  { id: 'open', name: 'Open' },
  { id: 'waiting', name: 'Waiting for student' },
  { id: 'closed', name: 'Closed' },
];

export const TICKET_RECIPIENT_CHOICES: Choice[] = [
  { id: 'mentor', name: 'Mentor' },
  { id: 'sre', name: 'SRE team' },
];

export const FEATURE_REQUEST_STATUS_CHOICES: Choice[] = [
  { id: 'new', name: 'New' },
  { id: 'planned', name: 'Planned' },
  { id: 'declined', name: 'Declined' },
  { id: 'done', name: 'Done' },
];

export const choiceName = (choices: Choice[], id: unknown): string =>
  choices.find((c) => c.id === id)?.name ?? (id == null ? '' : String(id));

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

/** One colour per status value, whatever the resource. */
export const STATUS_COLORS: Record<string, ChipColor> = {
  active: 'success',
  succeeded: 'success',
  planned: 'info',
  upcoming: 'info',
  running: 'info',
  completed: 'default',
  archived: 'default',
  withdrawn: 'default',
  banned: 'error',
  failed: 'error',
  delisted: 'warning',
  create: 'success',
  update: 'info',
  skip: 'default',
  error: 'error',
  on_time: 'success',
  late: 'warning',
  open: 'warning',
  closed: 'default',
  waiting: 'info',
  accepted: 'success',
  rejected: 'error',
  warning: 'warning',
  restrict: 'info',
  ban: 'error',
  delist: 'warning',
  new: 'info',
  declined: 'default',
  done: 'success',
};

export const RISK_CHOICES: Choice[] = [
  { id: 'high', name: 'High' },
  { id: 'medium', name: 'Medium' },
  { id: 'ok', name: 'OK' },
];

/** Why a student is on a call list (the API's risk reasons, plus "other" for a hand-made call). */
export const RISK_REASON_CHOICES: Choice[] = [
  { id: 'low_attendance', name: 'Low attendance' },
  { id: 'missed_assignments', name: 'Missed assignments' },
  { id: 'low_points', name: 'Low points' },
  { id: 'other', name: 'Other' },
];

export const CALL_STATUS_CHOICES: Choice[] = [
  { id: 'open', name: 'Open' },
  { id: 'done', name: 'Done' },
];

/** What happened on a call, in the words an SRE would use. */
export const CALL_OUTCOME_CHOICES: Choice[] = [
  { id: 'picked', name: 'Picked up: we talked' },
  { id: 'no_answer', name: 'No answer' },
  { id: 'busy', name: 'Busy' },
  { id: 'phone_off', name: 'Phone switched off' },
  { id: 'wrong_number', name: 'Wrong number' },
  { id: 'reschedule', name: 'Asked to be called back later' },
];

/** The short outcome label for lists and chips. */
export const CALL_OUTCOME_SHORT: Record<string, string> = {
  picked: 'Picked up',
  no_answer: 'No answer',
  busy: 'Busy',
  phone_off: 'Phone off',
  wrong_number: 'Wrong number',
  reschedule: 'Call back later',
};

export const RISK_COLORS: Record<string, ChipColor> = { high: 'error', medium: 'warning', ok: 'success' };

export const OUTCOME_COLORS: Record<string, ChipColor> = {
  picked: 'success',
  no_answer: 'warning',
  busy: 'warning',
  phone_off: 'warning',
  wrong_number: 'error',
  reschedule: 'info',
};
