import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// TOTP secrets at rest: AES-256-GCM under TOTP_ENCRYPTION_KEY, so a copy of the database (a backup, a replica, a
// leaked dump) does not hand out everyone's second factor. Format: v1.<key id>.<iv>.<tag>.<ciphertext> (base64url);
// the key id says which of the configured keys made it, so keys can be rotated.

const keyOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const idOf = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

export class TotpSecretBox {
  private readonly keys: { id: string; key: Buffer }[];

  constructor(secrets: readonly string[]) {
    if (!secrets.length) throw new Error('TotpSecretBox needs at least one key');
    this.keys = secrets.map((secret) => {
      const key = keyOf(secret);
      return { id: idOf(key), key };
    });
  }

  seal(plain: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The secret, and whether it was sealed with an older key (then seal it again with the current one). */
  open(sealed: string): { plain: string; stale: boolean } {
    const [version, id, iv, tag, body] = sealed.split('.');
    const entry = this.keys.find((candidate) => candidate.id === id);
    if (version !== 'v1' || !entry || !iv || !tag || body === undefined) {
      throw new Error('A two-factor secret was sealed with a key that is not configured (TOTP_ENCRYPTION_KEY changed?).');
    }
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return { plain, stale: entry !== this.keys[0] };
  }
}
