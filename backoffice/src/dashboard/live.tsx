import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useGetList, type GetListParams, type RaRecord } from 'react-admin';
import { apiUrl } from '../config';
import { errorMessage } from '../common/errors';
import { formatClock } from '../common/format';
import { httpClient } from '../providers/httpClient';
import { sourcesOf, useLiveEventsOpen, useRefreshOnEvents } from './live-events';

/** How often the dashboard asks again when live updates are not arriving (only while the tab is visible). */
export const LIVE_MS = 15_000;
/** With live updates on, polling is only a safety net (for what no event covers, e.g. reports' other tables). */
export const LIVE_FALLBACK_MS = 60_000;

interface Live {
  updatedAt: number;
  report: (at: number) => void;
}
const LiveContext = createContext<Live>({ updatedAt: 0, report: () => undefined });

/** Holds the time of the dashboard's latest answer, for the "Live · updated …" caption. */
export const LiveProvider = ({ children }: { children: ReactNode }) => {
  const [updatedAt, setUpdatedAt] = useState(0);
  const report = useCallback((at: number) => setUpdatedAt((previous) => (at > previous ? at : previous)), []);
  const value = useMemo(() => ({ updatedAt, report }), [updatedAt, report]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
};

/**
 * useGetList refetched when the API sends a change to a table it is computed from (GET /events), and polled every
 * LIVE_MS while no live updates arrive (LIVE_FALLBACK_MS while they do); each answer moves the caption's time.
 */
export const useLiveList = <T extends RaRecord = RaRecord>(resource: string, params: Partial<GetListParams>, options: { enabled?: boolean } = {}) => {
  const { report } = useContext(LiveContext);
  const live = useLiveEventsOpen();
  const sources = sourcesOf(resource);
  const result = useGetList<T>(resource, params, { refetchInterval: live && sources.length ? LIVE_FALLBACK_MS : LIVE_MS, ...options });
  useRefreshOnEvents(sources, () => void result.refetch(), options.enabled !== false);
  useEffect(() => {
    if (result.dataUpdatedAt) report(result.dataUpdatedAt);
  }, [result.dataUpdatedAt, report]);
  return result;
};

/** The number of rows a list filter matches (the Content-Range total of a one-row page), kept live. */
export const useLiveTotal = (resource: string, filter: Record<string, unknown>, enabled = true) =>
  useLiveList(resource, { filter, pagination: { page: 1, perPage: 0 }, sort: { field: 'id', order: 'ASC' } }, { enabled }).total;

/**
 * GET `${apiUrl}${path}` with the session (as the data provider does) for the API's non-list answers
 * (/health, /ops/…), asked again every LIVE_MS while the tab is visible.
 */
export const useLiveApi = <T,>(path: string, enabled = true): { data?: T; error?: string } => {
  const { report } = useContext(LiveContext);
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    const load = async () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      try {
        const { json } = await httpClient(`${apiUrl}${path}`);
        if (stopped) return;
        setState({ data: json as T });
        report(Date.now());
      } catch (error) {
        if (!stopped) setState((previous) => ({ ...previous, error: errorMessage(error) }));
      }
    };
    void load();
    const timer = setInterval(load, LIVE_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [path, enabled, report]);
  return state;
};

const clock = (at: number) => formatClock(at);

/** "● Live · updated 09:41:07": the numbers below refresh on their own. */
export const LiveCaption = () => {
  const { updatedAt } = useContext(LiveContext);
  return (
    <Box
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}
      title={`The numbers refresh as changes happen (every ${LIVE_MS / 1000} seconds when live updates are not available) while this tab is open.`}
    >
      <Box
        aria-hidden
        sx={{
          width: 8,
          height: 8,
          borderRadius: '50%',
          bgcolor: 'success.main',
          '@keyframes livePulse': { '0%': { opacity: 1 }, '50%': { opacity: 0.35 }, '100%': { opacity: 1 } },
          animation: 'livePulse 2s ease-in-out infinite',
          '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
        }}
      />
      <Typography variant="caption" color="text.secondary" data-testid="live-caption">
        {updatedAt ? `Live · updated ${clock(updatedAt)}` : 'Live · loading…'}
      </Typography>
    </Box>
  );
};
