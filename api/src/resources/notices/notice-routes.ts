import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { contextOf, requireActor, type Actor } from '../../core/actor';
import { auditContactRead, writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import { seesContacts, visibleColumns } from '../../core/contacts';
import { parseFilter, parseListParams } from '../../core/list-query';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible, scopedQuery } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import { AUDIENCE_STUDENTS_SQL } from './audience';
import { noticesResource } from './notices.resource';

const notices = noticesResource as unknown as ResourceDefinition;
const REACTIONS = ['check', 'important', 'star'] as const;
const PAGE = { name: 'notices', sortable: [], filterable: {}, searchable: [] } as unknown as ResourceDefinition;

/** Students read, acknowledge and react; staff see who has and has not acknowledged. */
export function noticeRouter(knex: Knex): Router {
  const router = Router();

  const visibleNotice = async (actor: Actor, rawId: unknown, db: Knex | Knex.Transaction = knex) =>
    (await findVisible<{ id: number }>(notices, actor, db, rawId)).id;

  const requireStudent = (req: Request) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Only students read notices as recipients.');
    return actor;
  };

  const studentView = (actor: Actor) =>
    scopedQuery(notices, actor, knex)
      .clearSelect()
      .select(
        'notices.id', 'notices.title', 'notices.body_html', 'notices.pinned', 'notices.requires_ack', 'notices.publish_at', 'notices.expires_at',
        'notices.audience', 'batches.code as batch_code', 'missions.code as mission_code', 'authors.name as created_by_name',
        knex.raw('r.read_at, r.acknowledged_at, (r.read_at IS NULL) AS unread'),
        knex.raw(`coalesce((SELECT array_agg(x.reaction) FROM notice_reactions x WHERE x.notice_id = notices.id AND x.student_id = ?), '{}') AS my_reactions`, [actor.id]),
        knex.raw(`(SELECT coalesce(jsonb_object_agg(reaction, n), '{}'::jsonb) FROM (SELECT reaction, count(*)::int AS n FROM notice_reactions x WHERE x.notice_id = notices.id GROUP BY reaction) c) AS reaction_counts`),
      )
      .joinRaw('LEFT JOIN notice_reads r ON r.notice_id = notices.id AND r.student_id = ?', [actor.id]);

  router.get('/me/notices', async (req: Request, res: Response) => {
    const actor = requireStudent(req);
    const { range } = parseListParams({ range: req.query.range }, PAGE);
    const [total, rows] = await Promise.all([
      scopedQuery(notices, actor, knex).clearSelect().resultSize(),
      studentView(actor).orderBy([{ column: 'notices.pinned', order: 'desc' }, { column: 'notices.publish_at', order: 'desc' }, { column: 'notices.id', order: 'desc' }]).offset(range[0]).limit(range[1] - range[0] + 1),
    ]);
    res.setHeader('Content-Range', `notices ${range[0]}-${range[0] + Math.max(rows.length - 1, 0)}/${total}`);
    res.json(rows);
  });

  router.get('/me/notices/:id', async (req: Request, res: Response) => {
    const actor = requireStudent(req);
    const id = await visibleNotice(actor, req.params.id);
    await knex.raw('INSERT INTO notice_reads (notice_id, student_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [id, actor.id]);
    res.json(await studentView(actor).where('notices.id', id).first());
  });

  router.post('/notices/:id/acknowledge', async (req: Request, res: Response) => {
    const actor = requireStudent(req);
    const result = await knex.transaction(async (trx) => {
      const id = await visibleNotice(actor, req.params.id, trx);
      const { rows } = await trx.raw(
        `INSERT INTO notice_reads (notice_id, student_id, acknowledged_at) VALUES (?, ?, now())
         ON CONFLICT (notice_id, student_id) DO UPDATE SET acknowledged_at = coalesce(notice_reads.acknowledged_at, now())
         RETURNING *, (xmax = 0 OR notice_reads.acknowledged_at = now()) AS changed`,
        [id, actor.id],
      );
      await writeAudit(trx, contextOf(req), { action: 'acknowledge', resource: 'notices', recordId: id, after: { student_id: actor.id, acknowledged_at: rows[0].acknowledged_at } });
      return rows[0];
    });
    res.json({ notice_id: result.notice_id, acknowledged_at: result.acknowledged_at, message: 'Thanks — acknowledged.' });
  });

  router.post('/notices/:id/reactions', async (req: Request, res: Response) => {
    const actor = requireStudent(req);
    const { reaction } = parseInput(z.object({ reaction: z.enum(REACTIONS, { error: 'React with check, important or star.' }) }), req.body);
    const on = await knex.transaction(async (trx) => {
      const id = await visibleNotice(actor, req.params.id, trx);
      const removed = await trx('notice_reactions').where({ notice_id: id, student_id: actor.id, reaction }).delete();
      if (!removed) await trx('notice_reactions').insert({ notice_id: id, student_id: actor.id, reaction });
      await writeAudit(trx, contextOf(req), { action: removed ? 'unreact' : 'react', resource: 'notices', recordId: id, after: { student_id: actor.id, reaction } });
      return !removed;
    });
    res.json({ reaction, on });
  });

  /** Who in the audience has and has not acknowledged: filter {"acknowledged": true|false}, paged, or all as CSV. */
  async function acknowledgements(req: Request, uncapped: boolean) {
    const actor = requireActor(req);
    if (actor.role === 'student') throw errors.forbidden('Only staff see who acknowledged a notice.');
    const id = await visibleNotice(actor, req.params.id);
    const filter = parseFilter(req.query.filter);
    const acknowledged = filter.acknowledged === undefined ? null : Boolean(filter.acknowledged);
    const { range } = parseListParams({ range: req.query.range }, PAGE, { uncapped });
    const mentorOnly = actor.role === 'mentor';
    const { rows } = await knex.raw(
      `WITH n AS (SELECT * FROM notices WHERE id = ?), audience AS (${AUDIENCE_STUDENTS_SQL})
       SELECT a.student_id AS id, a.student_id, u.name, u.email, r.read_at, r.acknowledged_at, count(*) OVER ()::int AS total
       FROM audience a JOIN users u ON u.id = a.student_id LEFT JOIN notice_reads r ON r.notice_id = ? AND r.student_id = a.student_id
       WHERE (?::boolean IS NULL OR (r.acknowledged_at IS NOT NULL) = ?::boolean)
         AND (NOT ?::boolean OR a.student_id IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ?))
       ORDER BY u.name, a.student_id OFFSET ? LIMIT ?`,
      [id, id, acknowledged, acknowledged, mentorOnly, actor.id, range[0], uncapped ? null : range[1] - range[0] + 1],
    );
    await auditContactRead(knex, contextOf(req), {
      action: uncapped ? 'export' : 'list_contacts',
      resource: 'notices',
      recordId: id,
      fields: seesContacts(actor) ? ['email'] : [],
      rows: rows.length,
    });
    return { rows, range, total: rows[0]?.total ?? 0 };
  }

  router.get('/notices/:id/acknowledgements', async (req: Request, res: Response) => {
    const { rows, range, total } = await acknowledgements(req, false);
    res.setHeader('Content-Range', `acknowledgements ${range[0]}-${range[0] + Math.max(rows.length - 1, 0)}/${total}`);
    res.json(rows.map(({ total: _t, ...row }: { total: number }) => row));
  });

  router.get('/notices/:id/acknowledgements.csv', async (req: Request, res: Response) => {
    const { rows } = await acknowledgements(req, true);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="notice-${req.params.id}-acknowledgements.csv"`);
    const columns = visibleColumns(req.actor, ['student_id', 'name', 'email', 'read_at', 'acknowledged_at']);
    res.send(stringify(rows.map(({ total: _t, id: _i, ...row }: { total: number; id: number }) => row), { header: true, columns, cast: { date: (d) => d.toISOString() } }));
  });

  return router;
}
