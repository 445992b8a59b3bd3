/** Choices for the cohort resources' enumerations, with the API's exact values. */
export type Choice = { id: string; name: string };

export const BATCH_STATUS_CHOICES: Choice[] = [
  { id: 'planned', name: 'Planned' },
  { id: 'active', name: 'Active' },
  { id: 'completed', name: 'Completed' },
  { id: 'archived', name: 'Archived' },
];

export const MISSION_STATUS_CHOICES: Choice[] = [
  { id: 'upcoming', name: 'Upcoming' },
  { id: 'active', name: 'Active' },
  { id: 'completed', name: 'Completed' },
  { id: 'archived', name: 'Archived' },
];

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
};
