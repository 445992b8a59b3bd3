// GET /me/dashboard (API.md "Engagement"): what a student's home page shows.

export type StudentStatus = 'active' | 'banned' | 'delisted';
export type MissionStatus = 'upcoming' | 'active' | 'completed' | 'archived';
export type SubmissionStatus = 'on_time' | 'late';

export interface DashboardMentor {
  id: number;
  name: string;
  email: string;
  phone: string | null;
}

/** One mission in `GET /me/dashboard`. */
export interface DashboardMission {
  mission_id: number;
  code: string;
  title: string;
  status: MissionStatus;
  batch_code: string;
  timezone: string;
  /** The batch's local day, YYYY-MM-DD. */
  today: string;
  points: number;
  possible: number;
  progress: number;
  rank: number;
  enrolled_count: number;
  attendance: { submitted_today: boolean; streak: number; days_attended: number; can_submit: boolean };
  mentors: DashboardMentor[];
}

export interface DashboardMeeting {
  id: number;
  title: string;
  starts_at: string;
  duration_minutes: number;
  requires_code: boolean;
  mission_code: string;
  mission_id: number;
  attended: boolean;
}

export interface DashboardDeadline {
  id: number;
  number: number;
  title: string;
  deadline: string;
  deadline_local: string;
  mission_code: string;
  mission_id: number;
  submission_status: SubmissionStatus | null;
}

/** `GET /me/dashboard`. */
export interface Dashboard {
  student: { id: number; name: string; status: StudentStatus; status_reason: string | null };
  missions: DashboardMission[];
  upcoming_meetings: DashboardMeeting[];
  deadlines: DashboardDeadline[];
}
