import type { Actor } from './actor';
import { withoutContacts } from './contacts';
import type { ResourceDefinition } from './resource';

function plain(row: unknown): Record<string, unknown> {
  const value = row as { toJSON?: () => Record<string, unknown> };
  return typeof value.toJSON === 'function' ? value.toJSON() : { ...(row as Record<string, unknown>) };
}

/**
 * What a row looks like to this actor: hidden columns never, restricted columns only when allowed, other people's
 * contact details only to the roles that may see them (core/contacts.ts) — for lists, reads, writes and CSV alike.
 */
export function serialize(resource: ResourceDefinition, actor: Actor | null, row: unknown): Record<string, unknown> {
  const data = plain(row);
  for (const column of resource.hidden ?? []) delete data[column];
  if (actor && resource.visible) {
    const allowed = resource.visible(actor, data);
    if (allowed !== '*') {
      for (const key of Object.keys(data)) if (key !== 'id' && !allowed.includes(key)) delete data[key];
    }
  }
  return withoutContacts(actor, data, resource.contactFields);
}

/** The same row as stored for the audit trail (hidden columns removed, nothing else). */
export function auditable(resource: ResourceDefinition, row: unknown): Record<string, unknown> {
  const data = plain(row);
  for (const column of resource.hidden ?? []) delete data[column];
  return data;
}
