import type { Knex } from 'knex';
import type { JobContext } from '../jobs/declare';

/** An address inside an SMTP error (a server quoting the recipient) is not for the outbox's readers. */
const withoutAddresses = (text: string) => text.replace(/[^\s<>"'()]+@[^\s<>"'()]+/g, '[address]');

/**
 * The `mail` job: sends one queued outbox message over SMTP and records the attempt on its row (`attempts`, `error`,
 * `status`). Its body, links included, is opened from `outbox_sealed_bodies` and that sealed copy is deleted once
 * sent. A failed attempt throws so pg-boss retries it with backoff; after the last one the row says `failed`
 * (the sealed body stays, so a retry from the job monitor can still send it).
 */
export async function deliverQueuedMail({ knex, mailer }: JobContext, outboxId: number, lastAttempt: boolean): Promise<void> {
  const row = await knex('outbox_messages as m')
    .leftJoin('outbox_sealed_bodies as b', 'b.outbox_message_id', 'm.id')
    .where('m.id', outboxId)
    .first('m.id', 'm.to', 'm.subject', 'm.status', 'b.sealed');
  if (!row || row.status === 'sent' || !row.sealed) return;
  const attempt = (outcome: 'sent' | 'failed', error?: string) =>
    knex.raw(`jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('at', now(), 'outcome', ?::text, 'error', ?::text)))`, [outcome, error ?? null]);
  try {
    await mailer.transmit({ to: row.to, subject: row.subject, text: mailer.openBody(row.sealed) });
  } catch (thrown) {
    const reason = withoutAddresses(thrown instanceof Error ? thrown.message : String(thrown)).slice(0, 500);
    await knex('outbox_messages')
      .where({ id: outboxId })
      .update({ status: lastAttempt ? 'failed' : 'queued', error: reason, attempts: knex.raw('attempts || ?', [attempt('failed', reason)]) });
    throw new Error(`SMTP delivery failed: ${reason}`);
  }
  await knex.transaction(async (trx) => {
    await trx('outbox_messages').where({ id: outboxId }).update({ status: 'sent', sent_at: trx.fn.now(), error: null, attempts: trx.raw('attempts || ?', [attempt('sent')]) });
    await trx('outbox_sealed_bodies').where({ outbox_message_id: outboxId }).delete();
  });
}

/** A mail whose job was cancelled in the job monitor: failed, and its sealed body deleted (it will never be sent). */
export async function cancelQueuedMail(trx: Knex.Transaction, outboxId: number): Promise<void> {
  await trx('outbox_messages').where({ id: outboxId }).whereNot({ status: 'sent' }).update({ status: 'failed', error: 'Cancelled in the job monitor.' });
  await trx('outbox_sealed_bodies').where({ outbox_message_id: outboxId }).delete();
}
