import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** Students' ideas for the system, upvoted once each, reviewed by admins and managers with a public reply. */
export const featureRequestsResource = defineResource({
  name: 'feature_requests',
  model: tableModel('feature_requests'),
  policy: rolePolicy({
    student: ['list', 'read', 'create'],
    admin: ['list', 'read', 'update', 'delete'],
    manager: ['list', 'read', 'update', 'delete'],
    sre: ['list', 'read'],
    mentor: ['list', 'read'],
    developer: ['list', 'read'],
  }),
  sortable: ['created_at', 'updated_at', 'status', 'vote_count', 'title'],
  searchable: ['title', 'body'],
  filterable: { status: ['eq', 'in', 'neq'], author_id: ['eq'], created_at: ['gte', 'lte'] },
  writable: { student: ['title', 'body'], admin: ['status', 'public_reply'], manager: ['status', 'public_reply'] },
  schema: z.object({
    title: z.string().trim().min(1, 'Give your idea a title.').max(200, 'Keep the title under 200 characters.'),
    body: z.string().trim().max(10000, 'Keep the description under 10,000 characters.').optional(),
    status: z.enum(['new', 'planned', 'declined', 'done'], { error: 'Status must be new, planned, declined or done.' }).optional(),
    public_reply: z.string().trim().max(5000, 'The reply is too long.').nullable().optional(),
  }),
  columns: { author_name: 'authors.name', vote_count: 'votes.vote_count' },
  joins: (query) =>
    query
      .join('users as authors', 'authors.id', 'feature_requests.author_id')
      .joinRaw('LEFT JOIN LATERAL (SELECT count(*)::int AS vote_count FROM feature_request_votes v WHERE v.feature_request_id = feature_requests.id) votes ON true'),
  defaultSort: ['vote_count', 'DESC'],
  stamp: (ctx) => ({ author_id: ctx.actor.id }),
});
