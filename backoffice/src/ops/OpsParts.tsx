import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Card, CardContent, Table, TableContainer, Typography } from '@mui/material';
import { useLogoutIfAccessDenied } from 'react-admin';
import { apiUrl } from '../config';
import { errorMessage } from '../common/errors';
import { httpClient } from '../providers/httpClient';

/** The roles that see the Operations pages (the API answers 403 to the others). */
export const OPS_ROLES = ['admin', 'developer'];

/**
 * GET `${apiUrl}${path}` with the session (the data provider's client), for the read-only operations endpoints that
 * are no resources. A 401 signs out as everywhere else.
 */
export const useApiGet = <T,>(path: string) => {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const logout = useLogoutIfAccessDenied();
  const logoutIfAccessDenied = useRef(logout);
  logoutIfAccessDenied.current = logout;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    httpClient(`${apiUrl}${path}`)
      .then(({ json }) => live && setState({ data: json as T, loading: false }))
      .catch((error: unknown) => {
        if (!live) return;
        setState({ error: errorMessage(error), loading: false });
        logoutIfAccessDenied.current(error);
      });
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};

/** A titled card of an operations page. */
export const OpsSection = ({ title, action, children, id }: { title: ReactNode; action?: ReactNode; children: ReactNode; id: string }) => (
  <Card component="section" aria-labelledby={id} sx={{ mb: 2 }}>
    <CardContent>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography id={id} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </CardContent>
  </Card>
);

/** A small table that scrolls sideways inside its own box on a phone (the page itself does not). */
export const ScrollTable = ({ label, children, maxHeight }: { label: string; children: ReactNode; maxHeight?: number | string }) => (
  <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto', ...(maxHeight ? { maxHeight } : {}) }} tabIndex={0} role="region" aria-label={label}>
    <Table size="small" stickyHeader={Boolean(maxHeight)} sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
      {children}
    </Table>
  </TableContainer>
);

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8125rem' } as const;

/** "12.3 MB" */
export const formatSize = (bytes: unknown): string => {
  const n = Number(bytes);
  if (!Number.isFinite(n)) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
};

/** "3 d 4 h", "2 h 5 min", "40 s" */
export const formatUptime = (seconds: unknown): string => {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min ${s % 60} s`;
  return `${s} s`;
};
