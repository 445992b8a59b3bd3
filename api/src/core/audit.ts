import type { Knex } from 'knex';
import type { RequestContext } from './actor';

export interface AuditEntry {
  action: string;
  resource: string;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends audit rows inside the caller's transaction, so a rolled-back write leaves no trace. */
export async function writeAudit(trx: Knex | Knex.Transaction, context: RequestContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const rows = list.map((entry) => ({
    actor_user_id: context.actor?.id ?? null,
    actor_role: context.actor?.role ?? null,
    action: entry.action,
    resource: entry.resource,
    record_id: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
    before: json(entry.before),
    after: json(entry.after),
    ip: context.ip,
    user_agent: context.userAgent,
    request_id: context.requestId,
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await trx('audit_log').insert(rows.slice(start, start + 1000));
  }
}

/**
 * A read that disclosed other people's contact details (core/contacts.ts): who (the context), what (resource, record
 * or filter, which fields), how many rows. Sensitive reads go through the same audit log as every change.
 */
export async function auditContactRead(
  db: Knex | Knex.Transaction,
  context: RequestContext,
  read: { action: 'read_contacts' | 'list_contacts' | 'export'; resource: string; recordId?: number; fields: readonly string[]; rows: number; filter?: unknown },
): Promise<void> {
  if (read.fields.length === 0 || read.rows === 0 || context.actor?.role === 'student') return;
  await writeAudit(db, context, {
    action: read.action,
    resource: read.resource,
    recordId: read.recordId ?? null,
    after: { contact_fields: read.fields, rows: read.rows, ...(read.filter && Object.keys(read.filter).length ? { filter: read.filter } : {}) },
  });
}

/**
 * Runs an INSERT … RETURNING * and audits every row it inserted in the same statement, so a bulk write
 * of thousands of rows costs one round trip and cannot exist without its audit trail.
 */
export async function insertAudited<Row = Record<string, unknown>>(
  trx: Knex.Transaction,
  context: RequestContext,
  resource: string,
  insertReturningAll: string,
  bindings: readonly unknown[],
  extra: Record<string, unknown> = {},
): Promise<Row[]> {
  const { rows } = await trx.raw(
    `WITH inserted AS (${insertReturningAll}),
     audited AS (
       INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, ip, user_agent, request_id)
       SELECT ?, ?, 'create', ?, inserted.id::text, to_jsonb(inserted) || ?::jsonb, ?, ?, ? FROM inserted
     )
     SELECT * FROM inserted`,
    [...bindings, context.actor?.id ?? null, context.actor?.role ?? null, resource, JSON.stringify(extra), context.ip, context.userAgent, context.requestId] as Knex.RawBinding[],
  );
  return rows as Row[];
}
