import fs from 'node:fs';
import type { RunningPostgres } from '../launcher/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__smsTestPostgres as
    | { postgres: RunningPostgres; dataDir: string }
    | undefined;
  if (!state) return;
  await state.postgres.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
