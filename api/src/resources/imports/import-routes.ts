import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { stringify } from 'csv-stringify/sync';
import { visibleColumns, withoutContacts } from '../../core/contacts';
import { z } from 'zod';
import { contextOf, requireActor, type Actor, type RequestContext } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import { applyImport } from './apply-import';
import { parseCsv, type CsvRow } from './csv-rows';
import { importsResource } from './imports.resource';
import { IMPORT_COLUMNS, planImport, type ImportKind } from './plan-import';

const requestSchema = z.object({
  kind: z.enum(['students', 'enrolments', 'pairings'], { error: 'Choose what to import: students, enrolments or pairings.' }),
  csv: z.string({ error: 'Paste CSV text or choose a CSV file first.' }),
  filename: z.string().max(255).optional(),
  dry_run: z.boolean().default(true),
});

/** Which resource's create right an import of each kind needs. */
const NEEDS: Record<ImportKind, string[]> = {
  students: ['students', 'batch_enrolments', 'mission_enrolments'],
  enrolments: ['batch_enrolments', 'mission_enrolments'],
  pairings: ['mentor_pairings'],
};

/**
 * POST /imports: a dry run answers at once with the plan row by row; a real import is recorded, answered
 * with 202, and runs in the background in one transaction, its progress readable at GET /imports/:id.
 */
export function importRouter(knex: Knex, resources: readonly ResourceDefinition[], logger: Logger): Router {
  const router = Router();
  const imports = importsResource as unknown as ResourceDefinition;

  async function run(id: number, kind: ImportKind, rows: CsvRow[], context: RequestContext) {
    const progress = async (fraction: number) => {
      await knex('imports').where({ id }).update({ processed_rows: Math.round(rows.length * fraction) });
    };
    try {
      const outcome = await knex.transaction(async (trx) => {
        const plan = await planImport(trx, kind, rows);
        await progress(0.15);
        if (plan.counts.error > 0) return plan;
        await applyImport(trx, plan, context, id, progress);
        return plan;
      });
      const failed = outcome.counts.error > 0;
      await knex('imports').where({ id }).update({
        status: failed ? 'failed' : 'succeeded',
        finished_at: knex.fn.now(),
        processed_rows: rows.length,
        created_count: failed ? 0 : outcome.counts.create,
        updated_count: failed ? 0 : outcome.counts.update,
        skipped_count: failed ? 0 : outcome.counts.skip,
        error_count: outcome.counts.error,
        errors: JSON.stringify(outcome.rows.filter((row) => row.action === 'error')),
        message: failed
          ? `${outcome.counts.error} row${outcome.counts.error === 1 ? ' has' : 's have'} errors, so nothing was imported. Fix them and import the file again.`
          : `Imported ${rows.length} rows: ${outcome.counts.create} created, ${outcome.counts.update} updated, ${outcome.counts.skip} unchanged.`,
      });
    } catch (error) {
      logger.error({ err: error, importId: id }, 'import failed');
      const mapped = (error as { status?: number; message?: string }).status ? (error as Error).message : null;
      await knex('imports').where({ id }).update({
        status: 'failed',
        finished_at: knex.fn.now(),
        message: mapped ?? `Something went wrong on our side, so nothing was imported. Quote import ${id} if you report it.`,
      });
    }
  }

  function authorise(actor: Actor, kind: ImportKind) {
    for (const name of NEEDS[kind]) {
      const resource = resources.find((r) => r.name === name);
      if (resource) assertCan(resource, actor, 'create');
    }
  }

  router.post('/imports', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const input = parseInput(requestSchema, req.body);
    authorise(actor, input.kind);
    const rows = parseCsv(input.csv, IMPORT_COLUMNS[input.kind].required, IMPORT_COLUMNS[input.kind].known);
    if (input.dry_run) {
      const plan = await planImport(knex, input.kind, rows);
      res.json({ dry_run: true, kind: input.kind, total_rows: rows.length, counts: plan.counts, rows: plan.rows });
      return;
    }
    const record = await knex.transaction(async (trx) => {
      const [created] = await trx('imports').insert({ kind: input.kind, filename: input.filename ?? null, created_by: actor.id, total_rows: rows.length }).returning('*');
      await writeAudit(trx, contextOf(req), { action: 'create', resource: 'imports', recordId: created.id, after: created });
      return created;
    });
    void run(record.id, input.kind, rows, contextOf(req));
    res.status(202).json(record);
  });

  router.get('/imports/:id/errors.csv', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const record = await findVisible<{ id: number; errors: { line: number; email: string; messages: string[] }[] }>(imports, actor, knex, req.params.id);
    const id = record.id;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
    const shown = withoutContacts(actor, record.errors.map((row) => ({ line: row.line, email: row.email, error: row.messages })));
    const columns = visibleColumns(actor, ['line', 'email', 'error']);
    res.send(stringify(shown.map((row) => ({ ...row, error: row.error.join(' ') })), { header: true, columns }));
  });

  return router;
}
