import simpleRestProvider from 'ra-data-simple-rest';
import { useDataProvider, type DataProvider, type Identifier } from 'react-admin';
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
  importDryRun(request: ImportRequest): Promise<ImportDryRun>;
  /** 202: the import runs in the background; poll getOne('imports', …) for progress. */
  importStart(request: ImportRequest): Promise<ImportRecord>;
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
export const dataProvider: SmsDataProvider = {
  ...base,
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
  autoPair: async (missionId, apply) => {
    const path = `/missions/${encodeURIComponent(String(missionId))}/auto-pair`;
    if (apply) return post<AutoPairPlan>(path, {});
    const { json } = await httpClient(`${apiUrl}${path}`);
    return json as AutoPairPlan;
  },
  importDryRun: (request) => post<ImportDryRun>('/imports', { ...request, dry_run: true }),
  importStart: (request) => post<ImportRecord>('/imports', { ...request, dry_run: false }),
};

/** useDataProvider typed with the API's extra endpoints. */
export const useSmsDataProvider = () => useDataProvider<SmsDataProvider>();
