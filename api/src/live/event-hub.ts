import { Client } from 'pg';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Actor } from '../core/actor';
import type { ResourceDefinition } from '../core/resource';
import { scopedQuery } from '../core/resource-router';

/** The channel the database triggers notify on (db/src/migrations/2026120712001_notify_changes.ts). */
export const EVENTS_CHANNEL = 'sms_events';

export interface ChangeEvent {
  resource: string;
  op: 'insert' | 'update';
  ids: number[];
}

export interface Subscriber {
  actor: Actor;
  send(event: ChangeEvent): void;
  /** Ends the stream (the process is stopping). */
  end(): void;
}

/** How long changes gather before they are checked and sent: one scope query per subscriber per resource per tick. */
const FLUSH_EVERY_MS = 100;
const RECONNECT_AFTER_MS = 1000;

/**
 * One LISTEN connection per API process, fanned out to its Server-Sent Event streams. What a subscriber receives
 * is what the resource's policy lets them read: `can(actor, 'read')`, then the changed ids under `scope(actor)` —
 * the same two questions every list and read asks — so a mentor hears only about their students and a student
 * only about their own rows and their audiences' notices. Rows gone by the time of the check are not sent.
 */
export class EventHub {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly subscribers = new Set<Subscriber>();
  private pending = new Map<string, { op: ChangeEvent['op']; ids: Set<number> }>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly byName: Map<string, ResourceDefinition>;

  constructor(
    private readonly databaseUrl: string,
    private readonly knex: Knex,
    resources: readonly ResourceDefinition[],
    private readonly logger: Logger,
  ) {
    this.byName = new Map(resources.map((resource) => [resource.name, resource]));
  }

  /** Resolves once this process LISTENs (the first subscriber opens the connection). */
  listening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'sms-api events' });
    client.on('notification', (message) => this.receive(message.payload));
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('end');
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err: error }, 'the LISTEN connection for live updates was lost; reconnecting');
      const retry = () => {
        if (this.closed || this.subscribers.size === 0) return;
        this.listening().catch(() => setTimeout(retry, RECONNECT_AFTER_MS).unref());
      };
      setTimeout(retry, RECONNECT_AFTER_MS).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  private receive(payload: string | undefined): void {
    if (!payload || this.subscribers.size === 0) return;
    let event: ChangeEvent;
    try {
      event = JSON.parse(payload) as ChangeEvent;
    } catch {
      return;
    }
    if (!this.byName.has(event.resource) || !Array.isArray(event.ids)) return;
    const key = `${event.resource}:${event.op}`;
    const entry = this.pending.get(key) ?? { op: event.op, ids: new Set<number>() };
    for (const id of event.ids) entry.ids.add(Number(id));
    this.pending.set(key, entry);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending.entries()];
    this.pending = new Map();
    // Subscribers of one session (several tabs) share one check.
    const bySession = new Map<string, Subscriber[]>();
    for (const subscriber of this.subscribers) {
      const key = `${subscriber.actor.sessionId}:${subscriber.actor.id}`;
      bySession.set(key, [...(bySession.get(key) ?? []), subscriber]);
    }
    for (const group of bySession.values()) {
      const actor = group[0].actor;
      for (const [key, { op, ids }] of batch) {
        const resource = this.byName.get(key.slice(0, key.lastIndexOf(':')))!;
        if (!resource.policy.can(actor, 'read')) continue;
        const table = resource.model.tableName;
        try {
          const visible = (await scopedQuery(resource, actor, this.knex)
            .clearSelect()
            .select(`${table}.id`)
            .whereIn(`${table}.id`, [...ids])
            .orderBy(`${table}.id`)) as unknown as { id: string | number }[];
          if (visible.length === 0) continue;
          const event: ChangeEvent = { resource: resource.name, op, ids: visible.map((row) => Number(row.id)) };
          for (const subscriber of group) subscriber.send(event);
        } catch (error) {
          this.logger.error({ err: error, resource: resource.name }, 'checking live updates against the policy failed');
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const subscriber of [...this.subscribers]) subscriber.end();
    this.subscribers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    await client?.end().catch(() => undefined);
  }
}
