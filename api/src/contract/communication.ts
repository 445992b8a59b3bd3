// Notices, tickets, alerts, recognition, resources and the calendar as a student reads them.

import type { Role } from './roles';

export type Reaction = 'check' | 'important' | 'star';

/** A notice as its reader sees it (`GET /me/notices`, `GET /me/notices/:id`). */
export interface StudentNotice {
  id: number;
  title: string;
  /** Rendered from markdown and sanitised by the API. */
  body_html: string;
  pinned: boolean;
  requires_ack: boolean;
  publish_at: string;
  expires_at: string | null;
  audience: 'everyone' | 'batch' | 'mission';
  batch_code: string | null;
  mission_code: string | null;
  created_by_name: string;
  read_at: string | null;
  acknowledged_at: string | null;
  unread: boolean;
  my_reactions: Reaction[];
  reaction_counts: Partial<Record<Reaction, number>>;
}

export type TicketStatus = 'open' | 'waiting' | 'closed';
export type TicketRecipient = 'mentor' | 'sre';

export interface TicketRow {
  id: number;
  student_id: number;
  recipient: TicketRecipient;
  mission_id: number | null;
  subject: string;
  /** open: waiting for staff; waiting: staff answered; closed. */
  status: TicketStatus;
  created_at: string;
  last_message_at: string;
  last_staff_reply_at: string | null;
  mission_code: string | null;
  message_count: number;
}

export interface NewTicket {
  recipient: TicketRecipient;
  mission_id: number | null;
  subject: string;
  body: string;
  links: string[];
}

export interface TicketMessageRow {
  id: number;
  ticket_id: number;
  author_id: number;
  body: string;
  links: string[];
  created_at: string;
  author_name: string;
  author_role: Role;
}

export interface NotificationItem {
  kind: 'assignment' | 'ticket_reply' | 'shoutout' | 'certificate' | 'appeal' | 'deadline' | 'meeting';
  key: string;
  title: string;
  at: string;
  /** Where in the portal it leads. */
  href: string;
  /** News since the student last marked their alerts seen; reminders (deadlines, meetings) are never "new". */
  new: boolean;
}

export interface AchievementRow {
  id: number;
  mission_id: number;
  mission_code: string;
  mission_title: string;
  longest_streak: number;
  streak_7: boolean;
  streak_30: boolean;
  all_on_time: boolean;
  assignments_due: number;
}

export interface ShoutoutRow {
  id: number;
  badge: 'helpful' | 'great_progress' | 'consistent' | 'creative' | 'team_player' | 'comeback';
  message: string;
  giver_name: string;
  mission_code: string | null;
  created_at: string;
}

export interface CertificateRow {
  id: number;
  mission_id: number;
  code: string;
  mission_title: string;
  batch_code: string;
  points: number;
  issued_at: string;
}

export interface MentorFeedbackRow {
  id: number;
  meeting_id: number;
  rating: number;
  comment: string;
}

export interface MissionResourceRow {
  id: number;
  mission_id: number;
  title: string;
  description: string;
  kind: 'link' | 'file';
  url: string | null;
  file_name: string | null;
  file_size: number | string | null;
  content_type: string | null;
}

export interface CalendarEvent {
  uid: string;
  kind: 'meeting' | 'deadline' | 'attendance' | 'mission_start' | 'mission_end';
  title: string;
  mission_code: string;
  starts_at: string;
  ends_at: string | null;
  all_day: boolean;
  /** The day (YYYY-MM-DD) and time (HH:MM, or null all day) in my time zone. */
  day: string;
  time: string | null;
  status: string | null;
}
