// The submission shapes the API answers, as types only (no runtime code), so the portal imports them instead of
// copying them (`import type` from '@sms/api-contract/submissions').

export type SubmissionStatus = 'on_time' | 'late';

/** `POST /me/submissions` and `POST /me/submissions/file`. */
export interface OwnSubmissionAnswer {
  id: number;
  assignment_id: number;
  mission_id: number;
  status: SubmissionStatus;
  /** The first handing-in (or the pasted list's time): what on time or late was decided by. */
  submitted_at: string;
  /** The latest handing-in of the work. */
  work_submitted_at: string;
  link_url: string | null;
  note: string;
  file_name: string | null;
  file_size: number | null;
  resubmission_count: number;
  message: string;
}

/** A row of `GET /submissions` (a student sees their own; a mentor their mentees'). */
export interface SubmissionRow {
  id: number;
  assignment_id: number;
  mission_id: number;
  student_id: number;
  submitted_at: string;
  status: SubmissionStatus;
  grade: number | null;
  points: number | null;
  link_url: string | null;
  note: string;
  file_name: string | null;
  file_size: number | null;
  content_type: string | null;
  work_submitted_at: string | null;
  resubmission_count: number;
  feedback: string | null;
  reviewed_at: string | null;
  reviewer_name: string | null;
  awaiting_review: boolean;
  student_name: string;
  assignment_number: number;
  assignment_title: string;
  deadline: string;
  mission_code: string;
}

/** What a student may hand in as a file: the accepted extensions and the size limit (`GET /me/submissions/rules`). */
export interface SubmissionFileRules {
  extensions: string[];
  max_bytes: number;
}
