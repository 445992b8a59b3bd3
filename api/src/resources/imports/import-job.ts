import type { Knex } from 'knex';
import type { RequestContext } from '../../core/actor';
import type { JobContext } from '../../jobs/declare';
import { applyImport } from './apply-import';
import { parseCsv } from './csv-rows';
import { IMPORT_COLUMNS, planImport, type ImportKind } from './plan-import';

/** What an import's job needs besides its record, kept sealed in import_sources until the import ends. */
export interface ImportSource {
  csv: string;
  context: RequestContext;
}

const INTERRUPTED = 'The import was interrupted (a server stopped) and could not be finished, so nothing was imported. Import the file again.';

/**
 * The `imports` job: plans and applies the file in one transaction, under a lock on the import so a rerun after a
 * crash (pg-boss retries an expired run) never overlaps a run still alive; the outcome is written in that same
 * transaction. Invalid rows fail the import with their reasons, an unexpected error fails it with a message to
 * quote; neither is retried. Progress goes to the record outside the transaction, for GET /imports/:id.
 */
export async function runImportJob({ knex, logger, box }: JobContext, id: number): Promise<void> {
  try {
    await knex.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?), ?::int)', ['imports', id]);
      const record = await trx('imports as i').join('import_sources as s', 's.import_id', 'i.id').where('i.id', id).first('i.kind', 'i.status', 's.sealed');
      if (!record || record.status !== 'running') return;
      const source = JSON.parse(box.open(record.sealed).plain) as ImportSource;
      const kind = record.kind as ImportKind;
      const rows = parseCsv(source.csv, IMPORT_COLUMNS[kind].required, IMPORT_COLUMNS[kind].known);
      const progress = async (fraction: number) => {
        await knex('imports').where({ id }).update({ processed_rows: Math.round(rows.length * fraction) });
      };
      const plan = await planImport(trx, kind, rows);
      await progress(0.15);
      const failed = plan.counts.error > 0;
      if (!failed) await applyImport(trx, plan, source.context, id, progress);
      await trx('imports').where({ id }).update({
        status: failed ? 'failed' : 'succeeded',
        finished_at: trx.fn.now(),
        processed_rows: rows.length,
        created_count: failed ? 0 : plan.counts.create,
        updated_count: failed ? 0 : plan.counts.update,
        skipped_count: failed ? 0 : plan.counts.skip,
        error_count: plan.counts.error,
        errors: JSON.stringify(plan.rows.filter((row) => row.action === 'error')),
        message: failed
          ? `${plan.counts.error} row${plan.counts.error === 1 ? ' has' : 's have'} errors, so nothing was imported. Fix them and import the file again.`
          : `Imported ${rows.length} rows: ${plan.counts.create} created, ${plan.counts.update} updated, ${plan.counts.skip} unchanged.`,
      });
      await trx('import_sources').where({ import_id: id }).delete();
    });
  } catch (error) {
    logger.error({ err: error, importId: id }, 'import failed');
    const mapped = (error as { status?: number; message?: string }).status ? (error as Error).message : null;
    await knex.transaction(async (trx) => {
      await trx('imports').where({ id, status: 'running' }).update({
        status: 'failed',
        finished_at: trx.fn.now(),
        message: mapped ?? `Something went wrong on our side, so nothing was imported. Quote import ${id} if you report it.`,
      });
      await trx('import_sources').where({ import_id: id }).delete();
    });
  }
}

/** Imports still `running` whose job will not run again (failed after its retries, cancelled, or gone): failed. */
export async function reapInterruptedImports(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(
    `WITH stuck AS (
       UPDATE imports i SET status = 'failed', finished_at = now(), message = ?
       WHERE i.status = 'running' AND i.created_at < now() - interval '10 seconds'
         AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'imports' AND j.id = i.job_id AND j.state IN ('created', 'retry', 'active'))
       RETURNING i.id
     ), wiped AS (DELETE FROM import_sources s USING stuck WHERE s.import_id = stuck.id)
     SELECT id FROM stuck`,
    [INTERRUPTED],
  );
  return rows.length;
}

/** An import whose job was cancelled in the job monitor: failed, nothing imported. */
export async function cancelImport(trx: Knex.Transaction, id: number): Promise<void> {
  await trx('imports').where({ id, status: 'running' }).update({ status: 'failed', finished_at: trx.fn.now(), message: 'The import was cancelled before it ran, so nothing was imported.' });
  await trx('import_sources').where({ import_id: id }).delete();
}
