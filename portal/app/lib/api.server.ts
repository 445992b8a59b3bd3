// The portal's only way to data: a small client for the SMS API (see api/API.md).
// Server-only: the API token never reaches the browser. Its types are the API's own (api/src/contract).

import type {
  Me,
  TokenResponse,
  TwoFactorStatus,
  TwoFactorEnrolment,
  MessageResponse,
  ProfileFields,
  Dashboard,
  StandingAppeal,
  Standing,
  Reaction,
  StudentNotice,
  TicketRow,
  NewTicket,
  TicketMessageRow,
  NotificationItem,
  MentorFeedbackRow,
  CalendarEvent,
  FeatureRequestRow,
  AttendanceAnswer,
  MeetingAttendanceRow,
} from '@sms/api/contract';

export type * from '@sms/api/contract';

const API_URL = (process.env.API_URL || 'http://localhost:4000').replace(/\/+$/, '');
const TIMEOUT_MS = Number(process.env.API_TIMEOUT_MS || 15_000);



/**
 * An error answered by the API (`{message, code, details}`), or the API being
 * unreachable (`code: "API_UNAVAILABLE"`). `message` is a sentence to show the person.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Per-field messages from a `VALIDATION_FAILED` answer (`details.fields`), or `{}`. */
  get fields(): Record<string, string> {
    const fields = this.details.fields;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string') out[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
    }
    return out;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Who is asking: the bearer token (when signed in), and the browser's address and
 * User-Agent (sent as X-Forwarded-For and User-Agent: the API sees the student, not the portal).
 */
export interface Caller {
  token?: string;
  clientIp?: string;
  userAgent?: string;
}

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  caller?: Caller;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not accepted. Check the form and try again.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with existing data.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Please wait a little and try again.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const message =
    typeof record.message === 'string' && record.message
      ? record.message
      : FALLBACK_MESSAGES[response.status] || 'Something went wrong on our side. Please try again in a minute.';
  const code = typeof record.code === 'string' ? record.code : response.status >= 500 ? 'INTERNAL' : 'HTTP_' + response.status;
  const details =
    record.details && typeof record.details === 'object' && !Array.isArray(record.details)
      ? (record.details as Record<string, unknown>)
      : {};
  return new ApiError(response.status, code, message, details);
}

/** Sends one request; resolves with the successful Response, rejects with ApiError. */
async function send(
  path: string,
  { method = 'GET', body, caller = {}, timeoutMs = TIMEOUT_MS, signal, accept = 'application/json' }: CallOptions & { timeoutMs?: number; signal?: AbortSignal; accept?: string },
): Promise<Response> {
  const headers = new Headers({ Accept: accept, 'User-Agent': caller.userAgent || 'sms-portal' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  if (caller.clientIp) headers.set('X-Forwarded-For', caller.clientIp);

  let response: Response;
  try {
    response = await fetch(API_URL + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ?? AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    console.error(`portal: API ${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new ApiError(
      503,
      'API_UNAVAILABLE',
      "We can't reach the school's server right now. Please try again in a minute.",
    );
  }

  if (!response.ok) throw await toApiError(response);
  return response;
}

async function jsonOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file from the API, as its response (streamed, with its headers); rejects with ApiError like any call. */
export function apiDownload(caller: Caller, path: string): Promise<Response> {
  return send(path, { caller, timeoutMs: 5 * 60_000 });
}

/**
 * `GET /events`: the API's Server-Sent Events of changes this student may read, open until `signal` aborts (the
 * browser went) or the API ends it (signed out elsewhere, restart). Rejects with ApiError like any call.
 */
export function apiEventStream(caller: Caller, signal: AbortSignal): Promise<Response> {
  return send('/events', { caller, signal, accept: 'text/event-stream' });
}

/** One call to the API. Resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
export async function apiFetch<T>(path: string, options: CallOptions = {}): Promise<T> {
  return jsonOf<T>(await send(path, options));
}

/** A list query in the ra-data-simple-rest protocol (API.md "Resources"). */
export interface ListQuery {
  sort?: [string, 'ASC' | 'DESC'];
  /** Inclusive row range, e.g. [0, 59]; the API caps a page at 1000 rows. */
  range?: [number, number];
  filter?: Record<string, unknown>;
}

/** A page of rows and the total number of matching rows (from `Content-Range`). */
export interface ListResult<T> {
  rows: T[];
  total: number;
}

/** `GET /<resource>?sort=…&range=…&filter=…`; students only ever get their own rows back. */
export async function apiList<T>(caller: Caller, resource: string, query: ListQuery = {}): Promise<ListResult<T>> {
  const params = new URLSearchParams();
  if (query.sort) params.set('sort', JSON.stringify(query.sort));
  if (query.range) params.set('range', JSON.stringify(query.range));
  if (query.filter) params.set('filter', JSON.stringify(query.filter));
  const search = params.toString();
  const response = await send(`/${resource}${search ? `?${search}` : ''}`, { caller });
  const rows = (await jsonOf<T[]>(response)) ?? [];
  // "Content-Range: daily_attendance 0-59/312"
  const total = Number(/\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1]);
  return { rows, total: Number.isFinite(total) ? total : rows.length };
}

const idPath = (id: number) => encodeURIComponent(String(id));

const post = <T>(path: string, body: unknown, caller?: Caller) => apiFetch<T>(path, { method: 'POST', body, caller });

/** The endpoints the portal uses, named after the contract. */
export const api = {
  auth: {
    token: (caller: Caller, email: string, password: string, deviceToken?: string) =>
      post<TokenResponse>('/auth/token', { email, password, ...(deviceToken ? { device_token: deviceToken } : {}) }, caller),
    logout: (caller: Caller) => post<void>('/auth/logout', undefined, caller),
    me: (caller: Caller) => apiFetch<Me>('/auth/me', { caller }),
    signup: (caller: Caller, fields: { name: string; email: string; password: string }) =>
      post<MessageResponse>('/auth/signup', fields, caller),
    verifyEmail: (caller: Caller, token: string) => post<MessageResponse>('/auth/verify-email', { token }, caller),
    resendVerification: (caller: Caller, email: string) =>
      post<MessageResponse>('/auth/verify-email/resend', { email }, caller),
    forgotPassword: (caller: Caller, email: string) => post<MessageResponse>('/auth/password/forgot', { email }, caller),
    resetPassword: (caller: Caller, token: string, password: string) =>
      post<MessageResponse>('/auth/password/reset', { token, password }, caller),
    changePassword: (caller: Caller, currentPassword: string, newPassword: string) =>
      post<{ user: Me; csrfToken: string; token?: string }>(
        '/auth/password/change',
        { currentPassword, newPassword },
        caller,
      ),
  },
  twoFactor: {
    status: (caller: Caller) => apiFetch<TwoFactorStatus>('/auth/2fa', { caller }),
    start: (caller: Caller) => post<TwoFactorEnrolment>('/auth/2fa/setup', {}, caller),
    enrolment: (caller: Caller) => apiFetch<TwoFactorEnrolment>('/auth/2fa/setup', { caller }),
    cancel: (caller: Caller) => apiFetch<void>('/auth/2fa/setup', { method: 'DELETE', caller }),
    /** Answers the recovery codes (once); from a pending sign-in also the token of the full session. */
    enable: (caller: Caller, code: string) => post<Partial<TokenResponse> & { user: Me; recovery_codes: string[] }>('/auth/2fa/enable', { code }, caller),
    verify: (caller: Caller, code: string, rememberDevice: boolean) =>
      post<TokenResponse>('/auth/2fa/verify', { code, remember_device: rememberDevice }, caller),
    recoveryCodes: (caller: Caller, code: string) => post<{ recovery_codes: string[]; message: string }>('/auth/2fa/recovery-codes', { code }, caller),
    disable: (caller: Caller, code: string) => post<MessageResponse>('/auth/2fa/disable', { code }, caller),
    forgetDevice: (caller: Caller, id: number) => apiFetch<void>(`/auth/2fa/devices/${idPath(id)}`, { method: 'DELETE', caller }),
    forgetDevices: (caller: Caller) => apiFetch<{ forgotten: number; message: string }>('/auth/2fa/devices', { method: 'DELETE', caller }),
  },
  me: {
    dashboard: (caller: Caller) => apiFetch<Dashboard>('/me/dashboard', { caller }),
    /** Open to banned and delisted students too (the API's standing gate lets it through). */
    standing: (caller: Caller) => apiFetch<Standing>('/me/standing', { caller }),
    /** Pinned first, then newest; `range` pages like a resource list. */
    notices: (caller: Caller, range: [number, number]) => apiList<StudentNotice>(caller, 'me/notices', { range }),
    /** Reading a notice marks it read. */
    notice: (caller: Caller, id: number) => apiFetch<StudentNotice>(`/me/notices/${idPath(id)}`, { caller }),
    /** The ids of the feature requests I have upvoted. */
    featureRequestVotes: (caller: Caller) => apiFetch<number[]>('/me/feature_request_votes', { caller }),
    /** News of the last 30 days and reminders of what is due soon; `new_count` since last marked seen. */
    notifications: (caller: Caller) => apiFetch<{ items: NotificationItem[]; new_count: number }>('/me/notifications', { caller }),
    notificationsSeen: (caller: Caller) => post<{ new_count: number }>('/me/notifications/seen', {}, caller),
  },
  appeals: {
    create: (caller: Caller, fields: { case_id: number; statement: string; link: string | null }) =>
      post<StandingAppeal>('/appeals', fields, caller),
  },
  notices: {
    acknowledge: (caller: Caller, id: number) =>
      post<{ notice_id: number; acknowledged_at: string; message: string }>(`/notices/${idPath(id)}/acknowledge`, {}, caller),
    /** Toggles my reaction: `on` says whether it is now set. */
    react: (caller: Caller, id: number, reaction: Reaction) =>
      post<{ reaction: Reaction; on: boolean }>(`/notices/${idPath(id)}/reactions`, { reaction }, caller),
  },
  tickets: {
    get: (caller: Caller, id: number) => apiFetch<TicketRow>(`/tickets/${idPath(id)}`, { caller }),
    create: (caller: Caller, ticket: NewTicket) => post<TicketRow>('/tickets', ticket, caller),
    close: (caller: Caller, id: number) =>
      apiFetch<TicketRow>(`/tickets/${idPath(id)}`, { method: 'PUT', body: { status: 'closed' }, caller }),
    /** A message in the thread (`POST /ticket_messages`); writing reopens a closed ticket. */
    reply: (caller: Caller, id: number, body: string, links: string[]) =>
      post<TicketMessageRow>('/ticket_messages', { ticket_id: id, body, links }, caller),
  },
  featureRequests: {
    create: (caller: Caller, fields: { title: string; body: string }) =>
      post<FeatureRequestRow>('/feature_requests', fields, caller),
    /** Upvote (`on`) or take the vote back. */
    vote: (caller: Caller, id: number, on: boolean) =>
      apiFetch<{ feature_request_id: number; voted: boolean; vote_count: number }>(
        `/feature_requests/${idPath(id)}/vote`,
        { method: on ? 'POST' : 'DELETE', caller },
      ),
  },
  calendar: {
    /** GET /me/calendar: meetings, deadlines, mission starts/ends and my check-ins between two dates. */
    events: (caller: Caller, from: string, to: string) =>
      apiFetch<{ from: string; to: string; events: CalendarEvent[] }>(`/me/calendar?from=${from}&to=${to}`, { caller }),
    /** A new private iCal URL; the previous one stops working. */
    newFeed: (caller: Caller) => post<{ url: string }>('/me/calendar-feed', {}, caller),
    stopFeed: (caller: Caller) => apiFetch<{ url: null }>('/me/calendar-feed', { method: 'DELETE', caller }),
  },
  attendance: {
    submit: (caller: Caller, missionId: number, note: string) =>
      post<AttendanceAnswer>('/attendance', { mission_id: missionId, note }, caller),
  },
  feedback: {
    /** Rate a meeting I attended, once (1–5 and an optional comment). */
    rate: (caller: Caller, meetingId: number, rating: number, comment: string) =>
      post<MentorFeedbackRow>('/mentor_feedback', { meeting_id: meetingId, rating, comment }, caller),
  },
  meetings: {
    checkIn: (caller: Caller, meetingId: number, code?: string) =>
      post<MeetingAttendanceRow & { message: string }>(
        `/meetings/${idPath(meetingId)}/check-in`,
        code ? { code } : {},
        caller,
      ),
  },
  users: {
    update: (caller: Caller, id: number, fields: ProfileFields) =>
      apiFetch<Me>(`/users/${idPath(id)}`, { method: 'PUT', body: fields, caller }),
  },
};
