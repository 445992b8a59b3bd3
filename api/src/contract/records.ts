// Rows of the generic resources the portal lists (their joined columns included).

import type { MissionStatus, SubmissionStatus } from './dashboard';

export type FeatureRequestStatus = 'new' | 'planned' | 'declined' | 'done';

export interface FeatureRequestRow {
  id: number;
  author_id: number;
  title: string;
  body: string;
  status: FeatureRequestStatus;
  public_reply: string | null;
  created_at: string;
  updated_at: string;
  author_name: string;
  vote_count: number;
}

export interface AttendanceRow {
  id: number;
  student_id: number;
  mission_id: number;
  local_date: string;
  submitted_at: string;
  note: string | null;
  mission_code: string;
}

export interface AttendanceAnswer {
  id: number;
  mission_id: number;
  local_date: string;
  submitted_at: string;
  note: string | null;
  message: string;
}

export interface MeetingRow {
  id: number;
  mission_id: number;
  title: string;
  starts_at: string;
  duration_minutes: number;
  requires_code: boolean;
  mission_code: string;
  mission_title: string;
  created_by_name: string;
  ends_at: string;
}

export interface MeetingAttendanceRow {
  id: number;
  meeting_id: number;
  student_id: number;
  checked_in_at: string;
  method: 'self' | 'code' | 'manual';
}

export interface MissionRow {
  id: number;
  batch_id: number;
  code: string;
  title: string;
  description: string | null;
  status: MissionStatus;
  starts_on: string;
  ends_on: string;
  position: number;
  points_attendance: number;
  points_meeting: number;
  points_on_time: number;
  points_late: number;
  batch_code: string;
  batch_title: string;
  timezone: string;
  /** The mission's do's and don'ts, as HTML the API has sanitised. */
  guidelines_html?: string;
}

export interface BatchRow {
  id: number;
  code: string;
  title: string;
  status: 'planned' | 'active' | 'completed' | 'archived';
  starts_on: string;
  ends_on: string;
  timezone: string;
}

export interface BatchEnrolmentRow {
  id: number;
  batch_id: number;
  status: 'active' | 'withdrawn' | 'completed';
  batch_code: string;
  batch_title: string;
}

export interface MissionEnrolmentRow {
  id: number;
  mission_id: number;
  batch_id: number;
  status: 'active' | 'withdrawn' | 'completed';
  mission_code: string;
  mission_title: string;
  mission_status: MissionStatus;
}

export interface AssignmentRow {
  id: number;
  mission_id: number;
  number: number;
  title: string;
  deadline: string;
  deadline_local: string;
  points_on_time: number | null;
  points_late: number | null;
  mission_code: string;
  timezone: string;
}

export interface SubmissionRow {
  id: number;
  assignment_id: number;
  mission_id: number;
  submitted_at: string;
  status: SubmissionStatus;
  grade: number | null;
  points: number | null;
}

export type PointsReason = 'attendance' | 'meeting' | 'submission_on_time' | 'submission_late';

export interface LedgerRow {
  id: number;
  mission_id: number;
  points: number;
  reason: PointsReason;
  awarded_at: string;
  mission_code: string;
  description: string;
}
