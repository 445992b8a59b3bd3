import type { Knex } from 'knex';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * nodemailer over SMTP when SMTP_URL is set; otherwise the dev outbox: the message is kept in
 * outbox_messages (readable by admins and developers) and printed to the log.
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
  async send(db: Knex | Knex.Transaction, message: MailMessage): Promise<void> {
    if (!this.transport) {
      await db('outbox_messages').insert({ to: message.to, subject: message.subject, text: message.text, transport: 'outbox' });
      this.options.logger.info({ to: message.to, subject: message.subject }, `[outbox] ${message.subject} → ${message.to}\n${message.text}`);
      return;
    }
    // Bodies sent by SMTP hold live links: keep only the envelope.
    await db('outbox_messages').insert({ to: message.to, subject: message.subject, text: '(delivered by SMTP; body not kept)', transport: 'smtp' });
    const deliver = () =>
      this.transport!.sendMail({ from: this.options.from, ...message }).catch((error: unknown) =>
        this.options.logger.error({ err: error, to: message.to }, 'SMTP delivery failed'),
      );
    const trx = db as Knex.Transaction;
    if (typeof trx.executionPromise?.then === 'function') void trx.executionPromise.then(deliver, () => {});
    else void deliver();
  }
}
