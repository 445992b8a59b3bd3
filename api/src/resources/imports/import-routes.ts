import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { TotpSecretBox } from '../../auth/totp-secret';
import type { Jobs } from '../../jobs/jobs';
import { stringify } from 'csv-stringify/sync';
import { visibleColumns, withoutContacts } from '../../core/contacts';
import { z } from 'zod';
import { contextOf, requireActor, type Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import type { ImportSource } from './import-job';
import { parseCsv } from './csv-rows';
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
 * POST /imports: a dry run answers at once with the plan row by row; a real import is recorded with its job (the
 * `imports` queue, see import-job.ts), answered with 202, and runs on any API node in one transaction, its
 * progress readable at GET /imports/:id.
 */
export function importRouter(knex: Knex, resources: readonly ResourceDefinition[], { jobs, box }: { jobs: Pick<Jobs, 'send'>; box: TotpSecretBox }): Router {
  const router = Router();
  const imports = importsResource as unknown as ResourceDefinition;

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
    const context = contextOf(req);
    const record = await knex.transaction(async (trx) => {
      const [created] = await trx('imports').insert({ kind: input.kind, filename: input.filename ?? null, created_by: actor.id, total_rows: rows.length }).returning('*');
      const source: ImportSource = { csv: input.csv, context };
      await trx('import_sources').insert({ import_id: created.id, sealed: box.seal(JSON.stringify(source)) });
      const jobId = await jobs.send(trx, 'imports', { import_id: Number(created.id) });
      const [queued] = await trx('imports').where({ id: created.id }).update({ job_id: jobId }).returning('*');
      await writeAudit(trx, context, { action: 'create', resource: 'imports', recordId: created.id, after: queued });
      return queued;
    });
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
