import os from 'node:os';

const MB = 1024 * 1024;

/**
 * Memory settings for the embedded PostgreSQL, sized for the machine instead of PostgreSQL's defaults (128 MB of
 * shared buffers), which a year of a full school's history outgrows: its indexes no longer fit and every write
 * reads pages from disk. An eighth of the memory for shared buffers (at most 2 GB: the machine is shared with the
 * API, the portal and the operating system's own cache, which effective_cache_size counts), and sorts and hash
 * joins in memory for the reports' aggregates. Shared buffers are taken only as pages are used.
 */
export function postgresMemoryFlags(totalBytes = os.totalmem()): string[] {
  const sharedMb = Math.max(128, Math.min(2048, Math.floor(totalBytes / 8 / MB)));
  const cacheMb = Math.max(512, Math.floor(totalBytes / 2 / MB));
  const workMb = totalBytes >= 8 * 1024 * MB ? 32 : 8;
  const maintenanceMb = Math.max(64, Math.min(1024, Math.floor(totalBytes / 32 / MB)));
  return [
    '-c', `shared_buffers=${sharedMb}MB`,
    '-c', `effective_cache_size=${cacheMb}MB`,
    '-c', `work_mem=${workMb}MB`,
    '-c', `maintenance_work_mem=${maintenanceMb}MB`,
    // Fewer forced checkpoints while a crowd submits or a data set loads.
    '-c', 'max_wal_size=4GB',
    // Each API node holds its request pool and a connection per job runner (api/src/jobs/jobs.ts); several nodes,
    // the portal and the test runs' many apps outgrow PostgreSQL's default of 100.
    '-c', 'max_connections=300',
  ];
}
