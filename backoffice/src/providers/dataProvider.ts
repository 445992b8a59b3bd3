import simpleRestProvider from 'ra-data-simple-rest';
import { useDataProvider, type DataProvider, type GetListParams, type GetListResult, type Identifier, type RaRecord } from 'react-admin';
import { apiUrl } from '../config';
import { httpClient } from './httpClient';

const base = simpleRestProvider(apiUrl, httpClient);

type Filter = Record<string, unknown>;

const filterQuery = (filter: Filter) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Bulk actions on students (POST /students/actions/<name>?filter=…) and what each answers. */
export interface StudentActionResults {
  enrol: { matched: number; enrolled: number; already_enrolled: number; added_to_batch: number };
  pair: { matched: number; paired: number; already_paired: number };
  'move-batch': { matched: number; moved: number; mission_enrolments_ended: number; pairings_ended: number };
}
export type StudentActionName = keyof StudentActionResults;

export interface AutoPairPlan {
  mission_id: number;
  unpaired: number;
  assignments: { student_id: number; student_name: string; mentor_id: number; mentor_name: string }[];
  unassigned: number;
  mentors: { mentor_id: number; name: string; capacity: number | null; load_before: number; load_after: number }[];
  /** Only in the answer to POST (apply). */
  paired?: number;
}

/** POST /mentor_pairings/reassign: who goes to which mentor, and each target's load before and after. */
export interface ReassignRequest {
  mission_id: Identifier;
  from_mentor_id: Identifier;
  /** Omitted: all of the mentor's students on the mission. */
  student_ids?: Identifier[];
  /** Omitted: balanced over the mission's other active mentors. */
  to_mentor_id?: Identifier;
  /** With all students moved, the mentor takes no new students on this mission. */
  deactivate?: boolean;
}
export interface ReassignPlan {
  mission_id: number;
  mission_code: string;
  dry_run: boolean;
  moved: number;
  remaining: number;
  deactivated?: boolean;
  from_mentor: { mentor_id: number; name: string; capacity: number | null; load_before: number; load_after: number };
  moves: { pairing_id: number; student_id: number; student_name: string; from_mentor_id: number; from_mentor_name: string; to_mentor_id: number; to_mentor_name: string }[];
  mentors: { mentor_id: number; name: string; capacity: number | null; load_before: number; load_after: number }[];
}

export type ImportKind = 'students' | 'enrolments' | 'pairings';
export type RowAction = 'create' | 'update' | 'skip' | 'error';
export interface ImportRowResult {
  line: number;
  email: string;
  action: RowAction;
  messages: string[];
}
export interface ImportDryRun {
  dry_run: true;
  kind: ImportKind;
  total_rows: number;
  counts: Record<RowAction, number>;
  rows: ImportRowResult[];
}
export interface ImportRecord {
  id: number;
  kind: ImportKind;
  filename: string | null;
  created_by: number;
  created_by_name?: string;
  created_at: string;
  finished_at: string | null;
  status: 'running' | 'succeeded' | 'failed';
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  error_count: number;
  errors: ImportRowResult[];
  message: string | null;
}
export interface ImportRequest {
  kind: ImportKind;
  csv: string;
  filename?: string;
}

/** POST /assignments/:id/paste with dry_run: true. */
export interface PastePreview {
  dry_run: true;
  assignment_id: number;
  taken_at: string;
  status_for_new: 'on_time' | 'late';
  email_count: number;
  duplicate_count: number;
  new: { student_id: number; email: string; name: string }[];
  already_recorded: { student_id: number; email: string; name: string }[];
  unknown_emails: string[];
  not_enrolled_emails: string[];
}
/** POST /assignments/:id/paste with dry_run: false. */
export interface PasteApplied {
  paste_id: number;
  recorded: number;
  already_recorded: number;
  unknown_emails: string[];
  not_enrolled_emails: string[];
  duplicate_count: number;
  status_for_new: 'on_time' | 'late';
}
export interface PasteRequest {
  text: string;
  /** ISO instant with zone; the API uses "now" without it. */
  taken_at?: string;
}

/** GET /meetings/:id/code: the rotating check-in code. */
export interface MeetingCode {
  meeting_id: number;
  code: string;
  expires_in_seconds: number;
  requires_code: boolean;
  opens_at: string;
  closes_at: string;
}

/** GET|POST /missions/:id/points/recompute. */
export interface RecomputePreview {
  mission_id: number;
  total_before: number;
  total_after: number;
  students_changed: number;
  changes: { student_id: number; name: string; before: number; after: number }[];
  applied?: boolean;
}

/** POST /call_lists/generate: the low-performer report split among SREs as a call list. */
export interface CallListRequest {
  batch_id?: Identifier;
  mission_id?: Identifier;
  risk: ('high' | 'medium')[];
  /** Omitted: every active SRE. */
  sre_ids?: Identifier[];
  include_open?: boolean;
  title?: string;
}
export interface CallListPlan {
  title: string;
  batch_id: number | null;
  mission_id: number | null;
  students: number;
  skipped_open: number;
  sres: { sre_id: number; name: string; open_before: number; new_calls: number }[];
  calls: { student_id: number; student_name: string; risk: 'high' | 'medium'; reasons: string[]; assigned_to: number }[];
  dry_run: boolean;
  /** Only once created (dry_run false). */
  call_list_id?: number;
}

/** POST /certificates/issue: what happened to the mission's students. */
export interface CertificateIssueResult {
  /** Certificates made now (completed enrolments that had none). */
  issued: number;
  /** Students who already had one for this mission. */
  already: number;
  /** Enrolled students whose enrolment is not marked completed (0 when students were named). */
  not_completed: number;
}

/**
 * Lists the API serves on custom paths, read through getList like any resource (so lists, paging
 * and ReferenceManyField-like sections work unchanged). The filter carries the path's id.
 *   notice_acknowledgements  filter {notice_id, acknowledged?} → GET /notices/:id/acknowledgements
 *   leaderboard              filter {mission_id}              → GET /missions/:id/leaderboard
 */
const VIRTUAL_LISTS: Record<string, { key: string; path: (id: string) => string }> = {
  notice_acknowledgements: { key: 'notice_id', path: (id) => `/notices/${id}/acknowledgements` },
  leaderboard: { key: 'mission_id', path: (id) => `/missions/${id}/leaderboard` },
};

/** The API's endpoints beyond the ra-data-simple-rest protocol. */
export interface SmsDataProvider extends DataProvider {
  /** PUT /<resource>?filter=… with the fields to set, over any list filter → ids changed. */
  updateWhere(resource: string, filter: Filter, data: Record<string, unknown>): Promise<Identifier[]>;
  studentAction<A extends StudentActionName>(
    action: A,
    filter: Filter,
    body: Record<string, unknown>
  ): Promise<StudentActionResults[A]>;
  /** GET (preview) or POST (apply) /missions/:id/auto-pair. */
  autoPair(missionId: Identifier, apply: boolean): Promise<AutoPairPlan>;
  /** POST /mentor_pairings/reassign with dry_run: true (the plan) or false (applied, audited, everyone told). */
  reassign(request: ReassignRequest, apply: boolean): Promise<ReassignPlan>;
  importDryRun(request: ImportRequest): Promise<ImportDryRun>;
  /** 202: the import runs in the background; poll getOne('imports', …) for progress. */
  importStart(request: ImportRequest): Promise<ImportRecord>;
  /** POST /assignments/:id/paste: a preview (writes nothing) or the recorded submissions. */
  pastePreview(assignmentId: Identifier, request: PasteRequest): Promise<PastePreview>;
  pasteApply(assignmentId: Identifier, request: PasteRequest): Promise<PasteApplied>;
  meetingCode(meetingId: Identifier): Promise<MeetingCode>;
  /** GET (preview) or POST (apply, audited) /missions/:id/points/recompute. */
  recomputePoints(missionId: Identifier, apply: boolean): Promise<RecomputePreview>;
  /** POST /appeals/:id/decide → the decided appeal. */
  decideAppeal(appealId: Identifier, decision: 'accept' | 'reject', note: string): Promise<Record<string, unknown>>;
  /** POST /call_lists/generate with dry_run: true (the plan, writes nothing) or false (201, the created list). */
  planCallList(request: CallListRequest): Promise<CallListPlan>;
  createCallList(request: CallListRequest): Promise<CallListPlan>;
  /** POST /certificates/issue: certificates for the mission's completed enrolments (all, or the students named). */
  issueCertificates(missionId: Identifier, studentIds?: Identifier[]): Promise<CertificateIssueResult>;
}

const post = async <T>(path: string, body: unknown, method = 'POST'): Promise<T> => {
  const { json } = await httpClient(`${apiUrl}${path}`, { method, body: JSON.stringify(body) });
  return json as T;
};

/**
 * ra-data-simple-rest over the API, with the session cookie and CSRF header, and the
 * API's one-request bulk endpoints instead of one request per row:
 *   PUT    /<resource>?filter={"id":[…]}  body = fields to set  → [ids]
 *   DELETE /<resource>?filter={"id":[…]}                         → [ids]
 */
const get = async <T>(path: string): Promise<T> => {
  const { json } = await httpClient(`${apiUrl}${path}`);
  return json as T;
};

const id = (value: Identifier) => encodeURIComponent(String(value));

/**
 * ra-data-simple-rest's getList, except that a total the API only estimates (an unfiltered list of a very big table:
 * Content-Range …/* and X-Total-Estimate) becomes partial pagination (pageInfo) with the estimate in meta, which
 * EstimatedPagination shows as "about 8.3 M rows".
 */
const listWithEstimate = async (resource: string, params: GetListParams): Promise<GetListResult> => {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const { field = 'id', order = 'ASC' } = params.sort ?? {};
  const query = new URLSearchParams({
    sort: JSON.stringify([field, order]),
    range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
    filter: JSON.stringify(params.filter ?? {}),
  });
  const { headers, json } = await httpClient(`${apiUrl}/${resource}?${query}`, { signal: params.signal });
  const range = headers.get('Content-Range') ?? '';
  const data = json as RaRecord[];
  if (range.endsWith('/*')) {
    return {
      data,
      pageInfo: { hasNextPage: data.length === perPage, hasPreviousPage: page > 1 },
      meta: { estimatedTotal: Number(headers.get('X-Total-Estimate')) || undefined },
    };
  }
  const total = Number(range.split('/').pop());
  return { data, total: Number.isFinite(total) ? total : data.length };
};

export const dataProvider: SmsDataProvider = {
  ...base,
  getList: async (resource, params) => {
    const virtual = VIRTUAL_LISTS[resource];
    if (!virtual) return listWithEstimate(resource, params);
    const { [virtual.key]: ownerId, ...filter } = (params.filter ?? {}) as Filter;
    if (ownerId == null || ownerId === '') return { data: [], total: 0 };
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const query = new URLSearchParams({
      range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
      filter: JSON.stringify(filter),
    });
    const { headers, json } = await httpClient(`${apiUrl}${virtual.path(id(ownerId as Identifier))}?${query}`);
    const total = Number(headers.get('Content-Range')?.split('/').pop());
    return { data: json, total: Number.isFinite(total) ? total : (json as unknown[]).length };
  },
  updateMany: async (resource, params) => {
    const json = await post<unknown>(`/${resource}?${filterQuery({ id: params.ids })}`, params.data, 'PUT');
    return { data: Array.isArray(json) ? json : params.ids };
  },
  deleteMany: async (resource, params) => {
    const { json } = await httpClient(`${apiUrl}/${resource}?${filterQuery({ id: params.ids })}`, { method: 'DELETE' });
    return { data: Array.isArray(json) ? json : params.ids };
  },
  updateWhere: async (resource, filter, data) => {
    const json = await post<unknown>(`/${resource}?${filterQuery(filter)}`, data, 'PUT');
    return Array.isArray(json) ? (json as Identifier[]) : [];
  },
  studentAction: (action, filter, body) => post(`/students/actions/${action}?${filterQuery(filter)}`, body),
  autoPair: (missionId, apply) =>
    apply ? post<AutoPairPlan>(`/missions/${id(missionId)}/auto-pair`, {}) : get<AutoPairPlan>(`/missions/${id(missionId)}/auto-pair`),
  reassign: (request, apply) => post<ReassignPlan>('/mentor_pairings/reassign', { ...request, dry_run: !apply }),
  importDryRun: (request) => post<ImportDryRun>('/imports', { ...request, dry_run: true }),
  importStart: (request) => post<ImportRecord>('/imports', { ...request, dry_run: false }),
  pastePreview: (assignmentId, request) => post<PastePreview>(`/assignments/${id(assignmentId)}/paste`, { ...request, dry_run: true }),
  pasteApply: (assignmentId, request) => post<PasteApplied>(`/assignments/${id(assignmentId)}/paste`, { ...request, dry_run: false }),
  meetingCode: (meetingId) => get<MeetingCode>(`/meetings/${id(meetingId)}/code`),
  recomputePoints: (missionId, apply) =>
    apply
      ? post<RecomputePreview>(`/missions/${id(missionId)}/points/recompute`, {})
      : get<RecomputePreview>(`/missions/${id(missionId)}/points/recompute`),
  decideAppeal: (appealId, decision, note) => post(`/appeals/${id(appealId)}/decide`, { decision, note }),
  planCallList: (request) => post<CallListPlan>('/call_lists/generate', { ...request, dry_run: true }),
  createCallList: (request) => post<CallListPlan>('/call_lists/generate', { ...request, dry_run: false }),
  issueCertificates: (missionId, studentIds) =>
    post<CertificateIssueResult>('/certificates/issue', { mission_id: missionId, ...(studentIds ? { student_ids: studentIds } : {}) }),
};

/** useDataProvider typed with the API's extra endpoints. */
export const useSmsDataProvider = () => useDataProvider<SmsDataProvider>();
