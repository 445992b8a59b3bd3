import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { renderMarkdown } from '../../core/markdown';
import { defineResource, rolePolicy, type WriteContext } from '../../core/resource';
import { tableModel } from '../../core/table-model';

const NOTICE_FIELDS = ['title', 'body_md', 'audience', 'batch_id', 'mission_id', 'requires_ack', 'pinned', 'publish_at', 'expires_at'] as const;
const BROADCASTERS = new Set(['admin', 'manager']);

async function assertMayAddress(data: Record<string, unknown>, existing: Record<string, unknown> | null, ctx: WriteContext) {
  const audience = (data.audience ?? existing?.audience) as string;
  const missionId = ('mission_id' in data ? data.mission_id : existing?.mission_id) as number | null;
  if (audience === 'everyone' && !BROADCASTERS.has(ctx.actor.role)) {
    throw errors.validation('Only managers and admins post notices to everyone. Choose a batch or a mission.', { audience: 'not allowed for your role' });
  }
  if (ctx.actor.role === 'mentor') {
    if (audience !== 'mission') throw errors.validation('Mentors post notices to a mission they mentor.', { audience: 'must be a mission' });
    const mentors = await ctx.trx('mission_mentors').where({ mission_id: missionId, mentor_id: ctx.actor.id }).first('id');
    if (!mentors) throw errors.validation('You can only post to missions you mentor.', { mission_id: 'not one of your missions' });
  }
}

/** Notices to everyone, a batch or a mission, with a markdown body rendered and sanitised once, on write. */
export const noticesResource = defineResource({
  name: 'notices',
  model: tableModel('notices'),
  policy: rolePolicy(
    { admin: '*', manager: '*', sre: '*', mentor: '*', developer: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') {
        query.whereRaw(
          `(notices.created_by = ? OR notices.audience = 'everyone'
            OR notices.mission_id IN (SELECT mission_id FROM mission_mentors WHERE mentor_id = ?)
            OR notices.batch_id IN (SELECT m.batch_id FROM missions m JOIN mission_mentors mm ON mm.mission_id = m.id WHERE mm.mentor_id = ?))`,
          [actor.id, actor.id, actor.id],
        );
      }
      if (actor.role === 'student') {
        query.whereRaw(
          `notices.publish_at <= now() AND (notices.expires_at IS NULL OR notices.expires_at > now())
           AND (notices.audience = 'everyone'
                OR notices.batch_id IN (SELECT batch_id FROM batch_enrolments WHERE student_id = ?)
                OR notices.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = ?))`,
          [actor.id, actor.id],
        );
      }
    },
    (actor, query) => {
      if (actor.role === 'mentor') query.where('notices.created_by', actor.id);
    },
  ),
  sortable: ['publish_at', 'created_at', 'title', 'pinned', 'ack_count', 'read_count'],
  searchable: ['title', 'body_md'],
  filterable: { audience: ['eq', 'in'], batch_id: ['eq', 'in'], mission_id: ['eq', 'in'], created_by: ['eq'], requires_ack: ['eq'], pinned: ['eq'], publish_at: ['gte', 'lte'] },
  writable: { admin: NOTICE_FIELDS, manager: NOTICE_FIELDS, sre: NOTICE_FIELDS, mentor: NOTICE_FIELDS },
  schema: z.object({
    title: fields.title,
    body_md: z.string().max(50000, 'The notice is too long (50,000 characters at most).'),
    audience: z.enum(['everyone', 'batch', 'mission'], { error: 'Send the notice to everyone, a batch or a mission.' }),
    batch_id: fields.id.nullable().optional(),
    mission_id: fields.id.nullable().optional(),
    requires_ack: z.boolean().optional(),
    pinned: z.boolean().optional(),
    publish_at: z.string().datetime({ offset: true, message: 'Give the publish time as a date and time with its zone.' }).optional(),
    expires_at: z.string().datetime({ offset: true, message: 'Give the expiry as a date and time with its zone.' }).nullable().optional(),
  }),
  columns: {
    created_by_name: 'authors.name',
    batch_code: 'batches.code',
    mission_code: 'missions.code',
    audience_count: 'notice_counts.audience_count',
    read_count: 'notice_counts.read_count',
    ack_count: 'notice_counts.ack_count',
  },
  joins: (query) =>
    query
      .join('users as authors', 'authors.id', 'notices.created_by')
      .leftJoin('batches', 'batches.id', 'notices.batch_id')
      .leftJoin('missions', 'missions.id', 'notices.mission_id')
      .joinRaw(
        `LEFT JOIN LATERAL (
           SELECT (CASE notices.audience
                     WHEN 'everyone' THEN (SELECT count(*) FROM students)
                     WHEN 'batch' THEN (SELECT count(*) FROM batch_enrolments be WHERE be.batch_id = notices.batch_id)
                     ELSE (SELECT count(*) FROM mission_enrolments me WHERE me.mission_id = notices.mission_id) END)::int AS audience_count,
                  (SELECT count(*) FROM notice_reads r WHERE r.notice_id = notices.id)::int AS read_count,
                  (SELECT count(*) FROM notice_reads r WHERE r.notice_id = notices.id AND r.acknowledged_at IS NOT NULL)::int AS ack_count) notice_counts ON true`,
      ),
  defaultSort: ['publish_at', 'DESC'],
  validate: assertMayAddress,
  async insert(data, ctx) {
    const [row] = await ctx.trx('notices').insert({ ...data, body_html: renderMarkdown(String(data.body_md)), created_by: ctx.actor.id }).returning('id');
    return Number(row.id);
  },
  async patch(ids, data, ctx) {
    const patch = 'body_md' in data ? { ...data, body_html: renderMarkdown(String(data.body_md)) } : data;
    await ctx.trx('notices').whereIn('id', ids).update(patch);
  },
  constraintMessages: {
    notices_audience_valid: 'Choose the batch for a batch notice, the mission for a mission notice, and neither for everyone.',
    notices_expiry_after_publish: 'The expiry must be after the publish time.',
    notices_batch_id_fkey: 'That batch does not exist.',
    notices_mission_id_fkey: 'That mission does not exist.',
  },
});
