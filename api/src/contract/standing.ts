// GET /me/standing (API.md "Integrity and communication").

import type { StudentStatus } from './dashboard';

export type IntegrityActionKind = 'warning' | 'restrict' | 'ban' | 'delist';
export type AppealStatus = 'open' | 'accepted' | 'rejected';

export interface StandingAction {
  id: number;
  case_id: number;
  action: IntegrityActionKind;
  reason: string;
  ends_at: string | null;
  taken_at: string;
  lifted_at: string | null;
  lift_reason: string | null;
  /** In force now: not lifted and not past its end. */
  live: boolean;
}

export interface StandingAppeal {
  id: number;
  case_id: number;
  statement: string;
  link: string | null;
  status: AppealStatus;
  decision_note: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface StandingCase {
  id: number;
  kind: 'cheating' | 'plagiarism' | 'other';
  description: string;
  status: 'open' | 'closed';
  mission_id: number | null;
  created_at: string;
  actions: StandingAction[];
  appeals: StandingAppeal[];
  /** An action was taken and no appeal is open. */
  can_appeal: boolean;
}

/** `GET /me/standing`: open to banned and delisted students too. */
export interface Standing {
  status: StudentStatus;
  status_reason: string | null;
  restricted: boolean;
  cases: StandingCase[];
}
