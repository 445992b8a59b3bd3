import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const names = (what: string) =>
  z.array(z.string().regex(NAME, `${what} are lower-case names like daily_attendance.`)).max(100).default([]);
const FIELDS = ['url', 'description', 'resources', 'actions', 'active'] as const;

/**
 * Outgoing webhooks: every audited change whose resource and action match (empty = all) is POSTed, signed with
 * the hook's secret (X-SMS-Signature: sha256=HMAC of the body), retried with backoff. Admins and developers.
 */
export const webhooksResource = defineResource({
  name: 'webhooks',
  model: tableModel('webhooks'),
  policy: rolePolicy({ admin: '*', developer: '*' }),
  sortable: ['url', 'created_at', 'active'],
  searchable: ['url', 'description'],
  filterable: { active: ['eq'] },
  writable: { admin: FIELDS, developer: FIELDS },
  schema: z.object({
    url: z.string().trim().regex(/^https?:\/\/\S+$/i, 'The address starts with https:// (or http://).').max(2000, 'The address is too long.'),
    description: z.string().trim().max(500, 'The description is too long (500 characters at most).').default(''),
    resources: names('Resources'),
    actions: names('Actions'),
    active: z.boolean().default(true),
  }),
  defaultSort: ['created_at', 'DESC'],
  stamp: (ctx) => ({ created_by: ctx.actor.id, secret: randomBytes(24).toString('base64url') }),
  constraintMessages: { webhooks_url_http: 'The address starts with https:// (or http://).' },
});

/** What was sent where, and how it went. */
export const webhookDeliveriesResource = defineResource({
  name: 'webhook_deliveries',
  model: tableModel('webhook_deliveries'),
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['created_at', 'next_attempt_at', 'attempts', 'status'],
  searchable: ['event'],
  filterable: { webhook_id: ['eq', 'in'], status: ['eq', 'in'], event: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  columns: { webhook_url: 'delivery_webhooks.url' },
  joins: (query) => query.join('webhooks as delivery_webhooks', 'delivery_webhooks.id', 'webhook_deliveries.webhook_id'),
  defaultSort: ['created_at', 'DESC'],
});
