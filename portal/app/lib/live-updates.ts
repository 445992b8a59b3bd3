// Live updates with JavaScript: the portal's /events stream (routes/events.tsx) says something this student may
// read changed, and the page's data is loaded again in place. Without JavaScript nothing here runs.
import { useLocation, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/** A burst of changes (a reply is a message and its ticket's new status) gathers this long before one reload. */
const SETTLE_MS = 250;
/** At most one reload this often. */
const THROTTLE_MS = 2000;
/** Only when the stream cannot be had (no EventSource, or it failed for good): reload this often instead. */
export const FALLBACK_POLL_MS = 60_000;

const isMutation = (method: string | undefined) => Boolean(method) && method!.toUpperCase() !== 'GET';

/**
 * Every event on the stream is a change the API's policy lets this student read (their tickets and messages,
 * their audiences' notices, their own attendance and submissions), and each shows somewhere in the portal — the
 * page or the nav's counts — so any of them reloads the current page's loaders (Remix revalidation), throttled,
 * and not while the tab is hidden (once it is visible again, if something arrived).
 *
 * A form the action answered without redirecting (its errors, the values typed) lives in the action's data,
 * which a reload clears: on such a page reloads wait until the student moves on.
 */
export function useLiveUpdates(signedIn: boolean): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const location = useLocation();
  const reload = useRef(revalidator.revalidate);
  reload.current = revalidator.revalidate;
  const posted = useRef(false);
  const held = useRef(false);
  const wake = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (navigation.state !== 'idle' && isMutation(navigation.formMethod)) posted.current = true;
  }, [navigation.state, navigation.formMethod]);

  useEffect(() => {
    const redirected = (location.state as { _isRedirect?: boolean } | null)?._isRedirect === true;
    held.current = posted.current && !redirected;
    posted.current = false;
  }, [location.key, location.state]);

  useEffect(() => {
    if (!signedIn) return undefined;
    let pending = false;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    const hidden = () => document.visibilityState === 'hidden';

    const run = () => {
      timer = undefined;
      if (!pending || hidden() || held.current) return;
      pending = false;
      last = Date.now();
      reload.current();
    };
    const schedule = () => {
      pending = true;
      if (timer || hidden() || held.current) return;
      timer = setTimeout(run, Math.max(SETTLE_MS, last + THROTTLE_MS - Date.now()));
    };
    wake.current = () => {
      if (pending) schedule();
    };
    const startPolling = () => {
      poll ??= setInterval(schedule, FALLBACK_POLL_MS);
    };
    const stopPolling = () => {
      if (poll) clearInterval(poll);
      poll = undefined;
    };
    const onVisibility = () => {
      if (!hidden() && pending) schedule();
    };
    document.addEventListener('visibilitychange', onVisibility);

    let source: EventSource | undefined;
    if (typeof EventSource === 'undefined') {
      startPolling();
    } else {
      source = new EventSource('/events');
      let opened = false;
      source.addEventListener('ready', () => {
        stopPolling();
        // Back after a drop: what changed meanwhile was not heard.
        if (opened) schedule();
        opened = true;
      });
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          const event = JSON.parse(message.data) as { resource?: unknown };
          if (typeof event.resource === 'string') schedule();
        } catch {
          // not a change event
        }
      };
      // EventSource retries a dropped stream by itself; CLOSED means it gave up (a 401, the portal or API down).
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
      };
      // The API ended the stream (signed out or suspended elsewhere): a reload lets the loaders say where to go.
      source.addEventListener('end', () => {
        source?.close();
        schedule();
        startPolling();
      });
    }

    return () => {
      source?.close();
      stopPolling();
      if (timer) clearTimeout(timer);
      wake.current = null;
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [signedIn]);

  // Moving on from a held page: its fresh loaders ran, but a change may have arrived since they started.
  useEffect(() => {
    if (!held.current) wake.current?.();
  }, [location.key]);
}
