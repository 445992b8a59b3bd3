import { apiUrl } from '../config';
import { refreshSession } from '../providers/httpClient';
import { session } from '../providers/session';

export interface UploadRequest {
  missionId: number | string;
  title: string;
  description?: string;
  file: File;
}

/**
 * POST /mission_resources/upload?mission_id&title&description with the file itself as the body (its own
 * Content-Type, its name URI-encoded in X-File-Name), with the session cookie and the CSRF header like the
 * data provider's writes. Answers the created row; throws an Error with the API's message (e.g. the 413 size limit).
 */
export const uploadMissionResource = async ({ missionId, title, description = '', file }: UploadRequest): Promise<Record<string, unknown>> => {
  if (!session.getCsrfToken() && !session.isKnownSignedOut()) await refreshSession().catch(() => null);
  const query = new URLSearchParams({ mission_id: String(missionId), title, description });
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': file.type || 'application/octet-stream',
    'X-File-Name': encodeURIComponent(file.name),
  };
  const token = session.getCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/mission_resources/upload?${query}`, {
      method: 'POST',
      body: file,
      headers,
      credentials: 'include',
      cache: 'no-store',
    });
  } catch {
    throw new Error(`The upload did not reach the API at ${apiUrl}. Check your connection and try again.`);
  }
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) {
    if (response.status === 403 && (body as { code?: string } | null)?.code === 'CSRF_FAILED') session.setCsrfToken(null);
    throw new Error(body?.message || `The upload failed (HTTP ${response.status}).`);
  }
  return (body ?? {}) as Record<string, unknown>;
};

/** "12 KB", "3.4 MB" */
export const formatBytes = (value: unknown): string => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
};
