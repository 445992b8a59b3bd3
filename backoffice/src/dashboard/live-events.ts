import { useEffect, useRef, useSyncExternalStore } from 'react';
import { apiUrl } from '../config';

/**
 * The API's live updates (GET /events, Server-Sent Events with the session cookie): one stream per tab, shared by
 * every screen that listens. Events carry a changed resource and ids the user may read; screens refetch what they
 * show. EventSource reconnects by itself; while it is not open, screens fall back to polling.
 */
export interface ChangeEvent {
  resource: string;
  op: 'insert' | 'update';
  ids: number[];
}

/** The tables a screen's resource is computed from: a change to any of them refreshes it. */
const SOURCES: Record<string, readonly string[]> = {
  mission_attendance_days: ['daily_attendance'],
  daily_attendance: ['daily_attendance'],
  student_progress: ['daily_attendance', 'submissions', 'calls'],
  assignment_report: ['submissions'],
  submissions: ['submissions'],
  calls: ['calls'],
  tickets: ['tickets', 'ticket_messages'],
  ticket_messages: ['ticket_messages'],
  notices: ['notices'],
};
export const sourcesOf = (resource: string): readonly string[] => SOURCES[resource] ?? [];

type Listener = (event: ChangeEvent) => void;
const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let source: EventSource | undefined;
let open = false;

const setOpen = (value: boolean) => {
  if (open === value) return;
  open = value;
  for (const notify of statusListeners) notify();
};

function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource(`${apiUrl}/events`, { withCredentials: true });
  source.addEventListener('ready', () => setOpen(true));
  source.onmessage = (message) => {
    try {
      const event = JSON.parse(message.data as string) as ChangeEvent;
      for (const listener of listeners) listener(event);
    } catch {
      // not an event of ours
    }
  };
  source.onerror = () => setOpen(false);
  // The session ended: stop, the sign-in page takes over.
  source.addEventListener('end', () => disconnect());
}

function disconnect(): void {
  source?.close();
  source = undefined;
  setOpen(false);
}

function listen(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/** Whether live updates are arriving (then polling can be rare). */
export const useLiveEventsOpen = (): boolean =>
  useSyncExternalStore(
    (notify) => {
      statusListeners.add(notify);
      return () => statusListeners.delete(notify);
    },
    () => open,
    () => false,
  );

/** How long a burst of changes (a cohort checking in) gathers before one refetch. */
const SETTLE_MS = 1000;

/** Calls `refresh` once per burst of changes to any of `resources` (the names of the tables that changed). */
export function useRefreshOnEvents(resources: readonly string[], refresh: () => void, enabled = true): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = resources.join(',');
  useEffect(() => {
    if (!enabled || !key) return undefined;
    const watched = new Set(key.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = listen((event) => {
      if (!watched.has(event.resource) || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        latest.current();
      }, SETTLE_MS);
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [key, enabled]);
}
