import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useCanAccess, useListContext, useNotify, useResourceContext } from 'react-admin';
import { apiUrl } from '../config';

const filenameFrom = (disposition: string | null, fallback: string) => {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
};

/**
 * Downloads GET /<resource>/export.csv?filter=…&sort=… (every matching row, not one page)
 * with the session cookie, then saves the blob. The API decides what the user may export.
 */
export const ExportCsvButton = ({ label = 'Export CSV' }: { label?: string }) => {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!resource || canAccess === false) return null;

  const download = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({
        filter: JSON.stringify(filterValues ?? {}),
        sort: JSON.stringify([sort?.field ?? 'id', sort?.order ?? 'ASC']),
      });
      const response = await fetch(`${apiUrl}/${resource}/export.csv?${query}`, {
        credentials: 'include',
        headers: { Accept: 'text/csv' },
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.message || `The export failed (HTTP ${response.status}).`);
      }
      const blob = await response.blob();
      const name = filenameFrom(
        response.headers.get('Content-Disposition'),
        `${resource}-${new Date().toISOString().slice(0, 10)}.csv`,
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      const message =
        e instanceof TypeError ? `Cannot reach the API at ${apiUrl}.` : e instanceof Error ? e.message : String(e);
      notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label={label} onClick={download} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
