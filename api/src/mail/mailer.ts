import type { Knex } from 'knex';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { TotpSecretBox } from '../auth/totp-secret';
import { redactSecrets } from './redact';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The template's name, when an admin may override it in the settings, and the values for its placeholders. */
  template?: string;
  vars?: Record<string, string>;
}

/** `{name}` → vars.name; `{school}` → the school's name; unknown placeholders stay as written. */
export const fillPlaceholders = (text: string, vars: Record<string, string>) =>
  text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (Object.hasOwn(vars, key) ? vars[key] : whole));

/** The school's own wording for a template (settings.email_templates), filled in; else the built-in message. */
async function withSchoolWording(db: Knex | Knex.Transaction, message: MailMessage): Promise<Omit<MailMessage, 'template' | 'vars'>> {
  const { template, vars, ...plain } = message;
  if (!template) return plain;
  const settings = await db('settings').where({ id: 1 }).first(db.raw('email_templates -> ? AS custom', [template]), 'school_name');
  const custom = settings?.custom as { subject?: string; text?: string } | null | undefined;
  if (!custom?.subject || !custom.text) return plain;
  const values = { school: settings.school_name as string, ...vars };
  return { to: plain.to, subject: fillPlaceholders(custom.subject, values), text: fillPlaceholders(custom.text, values) };
}

/** Where the mailer queues delivery jobs (the API's Jobs). */
export interface MailQueue {
  send(db: Knex | Knex.Transaction, queue: 'mail', data: { outbox_id: number }): Promise<string | null>;
}

/**
 * nodemailer over SMTP when SMTP_URL is set; otherwise nothing is delivered. Either way the message is recorded in
 * outbox_messages with its links and tokens redacted (`redactSecrets`), so nobody but the recipient ever reads a
 * reset, verification or invitation link; the log gets the envelope only. With SMTP the row is `queued` and a
 * `mail` job is queued in the same transaction; the real text waits for that job sealed (AES-256-GCM under
 * TOTP_ENCRYPTION_KEY) in outbox_sealed_bodies, never in the job's data. To read mail while developing, point
 * SMTP_URL at a local mail catcher.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  /** Set by the app once its Jobs exist. */
  queue: MailQueue | null = null;

  constructor(
    private readonly options: { smtpUrl?: string; from: string; logger: Logger; box?: TotpSecretBox },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  get usesSmtp(): boolean {
    return this.transport !== null;
  }

  /** Records the message in the caller's transaction and queues its delivery there (SMTP only). */
  async send(db: Knex | Knex.Transaction, template: MailMessage): Promise<void> {
    if (!this.transport) {
      const message = await withSchoolWording(db, template);
      await db('outbox_messages').insert({ to: message.to, subject: message.subject, text: redactSecrets(message.text), transport: 'outbox', status: 'recorded' });
      this.options.logger.info({ subject: message.subject }, `[outbox] "${message.subject}" recorded, not sent (no SMTP_URL)`);
      return;
    }
    const { queue, box } = { queue: this.queue, box: this.options.box };
    if (!queue || !box) throw new Error('Mailer: SMTP needs a queue and a box for the bodies waiting to be sent');
    const record = async (trx: Knex.Transaction) => {
      const message = await withSchoolWording(trx, template);
      const [row] = await trx('outbox_messages').insert({ to: message.to, subject: message.subject, text: redactSecrets(message.text), transport: 'smtp', status: 'queued' }).returning('id');
      await trx('outbox_sealed_bodies').insert({ outbox_message_id: row.id, sealed: box.seal(message.text) });
      await queue.send(trx, 'mail', { outbox_id: Number(row.id) });
    };
    if ((db as Knex.Transaction).isTransaction) await record(db as Knex.Transaction);
    else await (db as Knex).transaction(record);
  }

  /** The real text of a queued message (for the `mail` job only). */
  openBody(sealed: string): string {
    if (!this.options.box) throw new Error('Mailer: no box to open queued bodies');
    return this.options.box.open(sealed).plain;
  }

  /** One SMTP attempt (the `mail` job's). */
  async transmit(message: { to: string; subject: string; text: string }): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured (SMTP_URL)');
    await this.transport.sendMail({ from: this.options.from, ...message });
  }

  close(): void {
    this.transport?.close();
  }
}
