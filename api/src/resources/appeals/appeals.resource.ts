import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** A student's appeal against a case's action; staff decide through POST /appeals/:id/decide. */
export const appealsResource = defineResource({
  name: 'appeals',
  model: tableModel('appeals'),
  policy: rolePolicy(
    { student: ['list', 'read', 'create'], admin: ['list', 'read'], sre: ['list', 'read'], manager: ['list', 'read'], developer: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'student') query.where('appeals.student_id', actor.id);
    },
  ),
  sortable: ['created_at', 'status', 'decided_at'],
  searchable: ['student_name', 'statement'],
  filterable: { case_id: ['eq', 'in'], student_id: ['eq', 'in'], status: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: { student: ['case_id', 'statement', 'link'] },
  schema: z.object({
    case_id: fields.id,
    statement: z.string().trim().min(1, 'Write your statement.').max(10000, 'Keep the statement under 10,000 characters.'),
    link: z.string().trim().url('The link must be a full http(s) address.').regex(/^https?:\/\//, 'The link must be a full http(s) address.').nullable().optional().or(z.literal('').transform(() => null)),
  }),
  columns: { student_name: 'students_u.name', decided_by_name: 'deciders.name', case_kind: 'integrity_cases.kind' },
  joins: (query) =>
    query
      .join('users as students_u', 'students_u.id', 'appeals.student_id')
      .leftJoin('users as deciders', 'deciders.id', 'appeals.decided_by')
      .join('integrity_cases', 'integrity_cases.id', 'appeals.case_id'),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, _existing, ctx) {
    const kase = await ctx.trx('integrity_cases').where({ id: data.case_id, student_id: ctx.actor.id }).first('id');
    if (!kase) throw errors.notFound('case');
    const acted = await ctx.trx('integrity_actions').where({ case_id: data.case_id }).first('id');
    if (!acted) throw errors.validation('There is no action on this case to appeal yet.', { case_id: 'has no action' });
  },
  stamp: (ctx) => ({ student_id: ctx.actor.id }),
  constraintMessages: {
    appeals_one_open_per_case: 'You already have an open appeal on this case. Wait for its decision.',
    appeals_link_http: 'The link must be a full http(s) address.',
  },
});
