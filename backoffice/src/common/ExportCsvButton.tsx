import { useState } from 'react';
import { todayIso } from '../common/format';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useCanAccess, useListContext, useNotify, useResourceContext } from 'react-admin';
import { downloadFromApi } from './download';

/**
 * Downloads GET /<resource>/export.csv?filter=…&sort=… (every matching row, not one page)
 * with the session cookie, then saves the blob. The API decides what the user may export.
 * `filter` adds what the list context does not hold (e.g. a show page section's assignment_id).
 */
export const ExportCsvButton = ({ label = 'Export CSV', filter }: { label?: string; filter?: Record<string, unknown> }) => {
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
        filter: JSON.stringify({ ...(filterValues ?? {}), ...filter }),
        sort: JSON.stringify([sort?.field ?? 'id', sort?.order ?? 'ASC']),
      });
      await downloadFromApi(`/${resource}/export.csv?${query}`, `${resource}-${todayIso()}.csv`);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    // aria-label: react-admin drops the name of a disabled icon-only button on phones.
    <Button label={label} aria-label={label} onClick={download} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
