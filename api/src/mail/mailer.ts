import type { Knex } from 'knex';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
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

/**
 * nodemailer over SMTP when SMTP_URL is set; otherwise nothing is delivered. Either way the message is recorded in
 * outbox_messages with its links and tokens redacted (`redactSecrets`), so nobody but the recipient ever reads a
 * reset, verification or invitation link; the log gets the envelope only. To read mail while developing, point
 * SMTP_URL at a local mail catcher.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    private readonly options: { smtpUrl?: string; from: string; logger: Logger },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  get usesSmtp(): boolean {
    return this.transport !== null;
  }

  /** Records the message in the caller's transaction; SMTP delivery happens once that transaction commits. */
  async send(db: Knex | Knex.Transaction, template: MailMessage): Promise<void> {
    const message = await withSchoolWording(db, template);
    await db('outbox_messages').insert({ to: message.to, subject: message.subject, text: redactSecrets(message.text), transport: this.transport ? 'smtp' : 'outbox' });
    if (!this.transport) {
      this.options.logger.info({ subject: message.subject }, `[outbox] "${message.subject}" recorded, not sent (no SMTP_URL)`);
      return;
    }
    const deliver = () =>
      this.transport!.sendMail({ from: this.options.from, ...message }).catch((error: unknown) =>
        this.options.logger.error({ err: error, to: message.to }, 'SMTP delivery failed'),
      );
    const trx = db as Knex.Transaction;
    if (typeof trx.executionPromise?.then === 'function') void trx.executionPromise.then(deliver, () => {});
    else void deliver();
  }
}
