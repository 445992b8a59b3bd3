import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashToken, newToken } from './sessions';
import { TotpSecretBox } from './totp-secret';

type Db = Knex | Knex.Transaction;

export const RECOVERY_CODE_COUNT = 10;
export const TRUSTED_DEVICE_DAYS = 30;
export const DEVICE_COOKIE = 'sms_device';
// No 0/O, 1/I/L: the codes are read off paper. 12 of 32 symbols = 60 bits each.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RECOVERY_LENGTH = 12;

export interface Enrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  otpauth_url: string;
  /** The same as a QR code (PNG data URL). */
  qr_data_url: string;
}

const normaliseRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const isTotpShaped = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

function recoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_LENGTH; i += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * TOTP (RFC 6238: 6 digits, 30 s, SHA-1 — what every authenticator app reads) with otplib, recovery codes and
 * remembered devices. Every method takes the transaction of the route that audits it.
 */
export class TwoFactor {
  private readonly box: TotpSecretBox;

  constructor(totpKeys: readonly string[]) {
    this.box = new TotpSecretBox(totpKeys);
  }

  private async issuer(db: Db): Promise<string> {
    const settings = await db('settings').where({ id: 1 }).first('school_name').catch(() => undefined);
    return settings?.school_name || 'SMS';
  }

  private async enrolmentOf(db: Db, email: string, secret: string): Promise<Enrolment> {
    const otpauth_url = generateURI({ issuer: await this.issuer(db), label: email, secret });
    return { secret, otpauth_url, qr_data_url: await QRCode.toDataURL(otpauth_url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  async isEnabled(db: Db, userId: number): Promise<boolean> {
    return Boolean(await db('user_totp').where({ user_id: userId }).whereNotNull('enabled_at').first('user_id'));
  }

  /** A new secret waiting for its first code (replacing an unconfirmed one); null when two-factor is already on. */
  async startEnrolment(db: Db, user: { id: number; email: string }): Promise<Enrolment | null> {
    const secret = generateSecret();
    const rows = await db.raw(
      `INSERT INTO user_totp (user_id, secret_encrypted) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, last_used_step = NULL, created_at = now()
       WHERE user_totp.enabled_at IS NULL
       RETURNING user_id`,
      [user.id, this.box.seal(secret)],
    );
    return rows.rows.length ? this.enrolmentOf(db, user.email, secret) : null;
  }

  /** The unconfirmed enrolment again (a reload, a mistyped code); never a confirmed secret. */
  async pendingEnrolment(db: Db, user: { id: number; email: string }): Promise<Enrolment | null> {
    const row = await db('user_totp').where({ user_id: user.id }).whereNull('enabled_at').first('secret_encrypted');
    return row ? this.enrolmentOf(db, user.email, this.box.open(row.secret_encrypted).plain) : null;
  }

  /**
   * Checks a 6-digit code against the user's secret (confirmed, or the one being enrolled), one step either side
   * for clock drift; a code's time step is recorded so the same code never works twice.
   */
  private async checkTotp(db: Db, userId: number, code: string, { enrolling }: { enrolling: boolean }): Promise<boolean> {
    const query = db('user_totp').where({ user_id: userId }).forUpdate();
    const row = await (enrolling ? query.whereNull('enabled_at') : query.whereNotNull('enabled_at')).first('secret_encrypted', 'last_used_step');
    if (!row || !isTotpShaped(code)) return false;
    const { plain, stale } = this.box.open(row.secret_encrypted);
    const result = await verify({
      secret: plain,
      token: code.replace(/\s/g, ''),
      epochTolerance: 30,
      ...(row.last_used_step === null ? {} : { afterTimeStep: Number(row.last_used_step) }),
    });
    if (!result.valid || !('timeStep' in result)) return false;
    await db('user_totp')
      .where({ user_id: userId })
      .update({ last_used_step: result.timeStep, ...(stale ? { secret_encrypted: this.box.seal(plain) } : {}) });
    return true;
  }

  /** Confirms an enrolment with its first code: two-factor is on, and the recovery codes (shown once) are made. */
  async confirmEnrolment(db: Knex.Transaction, userId: number, code: string): Promise<string[] | null> {
    if (!(await this.checkTotp(db, userId, code, { enrolling: true }))) return null;
    await db('user_totp').where({ user_id: userId }).update({ enabled_at: db.fn.now() });
    return this.newRecoveryCodes(db, userId);
  }

  /** A code from the app, or an unused recovery code (then used up). */
  async checkCode(db: Knex.Transaction, userId: number, code: string): Promise<'totp' | 'recovery_code' | null> {
    if (isTotpShaped(code)) return (await this.checkTotp(db, userId, code, { enrolling: false })) ? 'totp' : null;
    const normalised = normaliseRecovery(code);
    if (normalised.length !== RECOVERY_LENGTH || !(await this.isEnabled(db, userId))) return null;
    const used = await db('user_recovery_codes')
      .where({ user_id: userId, code_hash: hashToken(normalised) })
      .whereNull('used_at')
      .update({ used_at: db.fn.now() })
      .returning('id');
    return used.length ? 'recovery_code' : null;
  }

  async newRecoveryCodes(db: Db, userId: number): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await db('user_recovery_codes').where({ user_id: userId }).delete();
    await db('user_recovery_codes').insert(codes.map((code) => ({ user_id: userId, code_hash: hashToken(normaliseRecovery(code)) })));
    return codes;
  }

  async recoveryCodesLeft(db: Db, userId: number): Promise<number> {
    const [{ n }] = await db('user_recovery_codes').where({ user_id: userId }).whereNull('used_at').count({ n: '*' });
    return Number(n);
  }

  /** Turns two-factor off: the secret, the recovery codes and the remembered devices go. */
  async remove(db: Db, userId: number): Promise<{ devices: number }> {
    await db('user_totp').where({ user_id: userId }).delete();
    await db('user_recovery_codes').where({ user_id: userId }).delete();
    const devices = await db('trusted_devices').where({ user_id: userId }).delete();
    return { devices };
  }

  async status(db: Db, userId: number) {
    const row = await db('user_totp').where({ user_id: userId }).first('enabled_at', 'created_at');
    return {
      enabled: Boolean(row?.enabled_at),
      enabled_at: row?.enabled_at ?? null,
      pending_enrolment: Boolean(row && !row.enabled_at),
      recovery_codes_left: row?.enabled_at ? await this.recoveryCodesLeft(db, userId) : 0,
      devices: await this.devices(db, userId),
    };
  }

  // Remembered devices -------------------------------------------------------------------------------------------

  async trustDevice(db: Db, userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; id: number }> {
    const token = newToken();
    const [row] = await db('trusted_devices')
      .insert({
        user_id: userId,
        token_hash: hashToken(token),
        expires_at: db.raw(`now() + make_interval(days => ?)`, [TRUSTED_DEVICE_DAYS]),
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .returning('id');
    return { token, id: Number(row.id) };
  }

  /** The remembered device behind a token, for this user only and unexpired (its use is noted), or null. */
  async trustedDevice(db: Db, userId: number, token: unknown): Promise<number | null> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
    const [row] = await db('trusted_devices')
      .where({ user_id: userId, token_hash: hashToken(token) })
      .andWhere('expires_at', '>', db.fn.now())
      .update({ last_used_at: db.fn.now() })
      .returning('id');
    return row ? Number(row.id) : null;
  }

  devices(db: Db, userId: number) {
    return db('trusted_devices')
      .where({ user_id: userId })
      .andWhere('expires_at', '>', db.fn.now())
      .orderBy('created_at', 'desc')
      .select('id', 'created_at', 'expires_at', 'last_used_at', 'ip', 'user_agent');
  }
}
