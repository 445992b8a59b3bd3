import type { Knex } from 'knex';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { hashPassword, needsRehash, verifyPassword } from '@sms/db/password-hash';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  status: string;
  password_hash: string | null;
  email_verified_at: Date | null;
}

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
const dummyHash = hashPassword('not-a-real-password-for-timing');

export const normaliseEmail = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

/**
 * A hash made at an older cost is replaced after a successful sign-in, while the password is at hand. The database
 * trigger that ends sessions on a password change is told this is the same password (sms.password_rehash), and the
 * update only lands if nobody changed the password meanwhile.
 */
async function upgradeHash(knex: Knex, user: UserRow, password: string): Promise<void> {
  const upgraded = await hashPassword(password);
  await knex.transaction(async (trx) => {
    await trx.raw(`SET LOCAL sms.password_rehash = 'on'`);
    await trx('users').where({ id: user.id, password_hash: user.password_hash }).update({ password_hash: upgraded });
  });
}

/** passport's local strategy: email + password → the user row, or false. One instance per app (so per database). */
export function configurePassport(knex: Knex): passport.PassportStatic {
  const instance = new passport.Passport() as passport.PassportStatic;
  instance.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
      (async () => {
        const user = (await knex('users').where({ email: normaliseEmail(email) }).first()) as UserRow | undefined;
        const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
        if (!user || !user.password_hash || !ok) return false;
        if (needsRehash(user.password_hash)) await upgradeHash(knex, user, password);
        return user;
      })().then((user) => done(null, user), done);
    }),
  );
  return instance;
}
