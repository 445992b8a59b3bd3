import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export interface SupervisedPostgres {
  adminUrl: string;
  /** Stops supervising and stops the server; at once if it is already gone, never waiting on a restart's backoff. */
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  /** Waits before each restart attempt; their number is how many tries before giving up. */
  backoffMs?: number[];
  log?: (line: string) => void;
  warn?: (line: string) => void;
  /** Called once every restart has failed (the message has been printed). */
  onGiveUp: (reason: string) => void;
}

// A signal (Ctrl-C) reaches the postmaster and the launcher together: give the launcher's handler this long to say
// it is stopping before an exit counts as a crash.
const EXIT_GRACE_MS = 500;

/**
 * The embedded PostgreSQL, watched: when it dies (killed, crashed, out of memory) a warning says so at once and it is
 * started again on the same port and data, after 1, 2, 4 and 8 s (crash recovery replays its WAL); if every try fails
 * a clear message says what to check and `onGiveUp` runs.
 */
export async function superviseEmbeddedPostgres(dataDir: string, port: number, options: SupervisorOptions): Promise<SupervisedPostgres> {
  const { backoffMs = [1000, 2000, 4000, 8000], log = console.log, warn = console.error } = options;
  let current: RunningPostgres | undefined = await startEmbeddedPostgres(dataDir, port);
  const adminUrl = current.adminUrl;
  let stopping = false;
  let wake: (() => void) | undefined;
  let restarting: Promise<void> | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function restart(how: string): Promise<void> {
    warn(`\n⚠ PostgreSQL stopped unexpectedly (${how}). The API answers 503 until it is back; restarting it…`);
    let lastError = '';
    for (const [index, delay] of backoffMs.entries()) {
      await pause(delay);
      if (stopping) return;
      try {
        current = await startEmbeddedPostgres(dataDir, port);
        if (stopping) return void (await current.stop());
        log(`PostgreSQL is running again on port ${port} (try ${index + 1}).`);
        watch(current);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        warn(`  restart ${index + 1} of ${backoffMs.length} failed: ${lastError.split('\n')[0]}`);
      }
    }
    const reason =
      `PostgreSQL could not be restarted after ${backoffMs.length} tries (last error: ${lastError.split('\n')[0]}). ` +
      `Check the messages above: is port ${port} taken (PG_PORT), the disk full, or the data in ${dataDir} damaged? Then run npm start again.`;
    warn(`\n✖ ${reason}`);
    options.onGiveUp(reason);
  }

  function watch(server: RunningPostgres): void {
    void server.exited.then(async (how) => {
      await new Promise((resolve) => setTimeout(resolve, EXIT_GRACE_MS));
      if (stopping || current !== server) return;
      current = undefined;
      restarting = restart(how).finally(() => (restarting = undefined));
    });
  }
  watch(current);

  return {
    adminUrl,
    async stop() {
      stopping = true;
      wake?.();
      await restarting;
      await current?.stop();
      current = undefined;
    },
  };
}
