// The signed-in account and its sign-in answers (API.md "Auth"). Shared by the API's handlers and the portal.

import type { Role } from './roles';
import type { StudentStatus } from './dashboard';

/** `Me` in the API contract: the signed-in account. */
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: string;
  phone: string | null;
  avatar_url: string | null;
  timezone: string | null;
  notification_prefs: Record<string, unknown> | null;
  email_verified_at: string | null;
  permissions?: Record<string, string[]>;
  /** Students only: a banned or delisted student may only read why and appeal; a restricted one loses mentorship. */
  standing?: { status: StudentStatus; status_reason: string | null; restricted: boolean };
  /** Students only: notices of their audiences they have not opened. */
  unread_notices?: number;
  /** The user's day (YYYY-MM-DD) in their profile zone, and the API's clock: dates are shown from these. */
  today: string;
  server_now: string;
  /** Two-factor sign-in; a `pending` session must finish `step` (enter a code, or set an app up) first. */
  two_factor: TwoFactorState;
}

/** Where a user stands with two-factor sign-in; `step` says what a pending session must do next. */
export interface TwoFactorState {
  enabled: boolean;
  required: boolean;
  pending: boolean;
  step: 'verify' | 'enrol' | null;
}

export interface TokenResponse {
  token: string;
  csrfToken: string;
  user: Me;
  /** "Remember this device": keep it (30 days) and send it with the next sign-in. */
  device_token?: string;
  recovery_codes?: string[];
  recovery_codes_left?: number;
  message?: string;
}

/** `GET /auth/2fa`. */
export interface TwoFactorStatus {
  enabled: boolean;
  enabled_at: string | null;
  required: boolean;
  pending_enrolment: boolean;
  recovery_codes_left: number;
  devices: { id: number; created_at: string; expires_at: string; last_used_at: string | null; user_agent: string | null }[];
}

/** An authenticator app to set up: the key as text, its otpauth:// URL and a QR code (PNG data URL). */
export interface TwoFactorEnrolment {
  secret: string;
  otpauth_url: string;
  qr_data_url: string;
}

export interface MessageResponse {
  message: string;
}

/** The fields a person may change on their own account (`PUT /users/:id`). */
export interface ProfileFields {
  name: string;
  phone: string | null;
  avatar_url: string | null;
  timezone: string;
}
