import { apiUrl } from '../config';

const filenameFrom = (disposition: string | null, fallback: string) => {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
};

/** Saves a Blob under a file name through a temporary link. */
export const saveBlob = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/**
 * GET `${apiUrl}${path}` with the session cookie and saves the answer as a file (name from
 * Content-Disposition, else `fallbackName`). Throws an Error whose message can be shown as is.
 */
export const downloadFromApi = async (path: string, fallbackName: string, accept = 'text/csv') => {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}`, { credentials: 'include', headers: { Accept: accept } });
  } catch {
    throw new Error(`Cannot reach the API at ${apiUrl}. Check your connection and try again.`);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.message || `The download failed (HTTP ${response.status}).`);
  }
  const blob = await response.blob();
  saveBlob(blob, filenameFrom(response.headers.get('Content-Disposition'), fallbackName));
};
