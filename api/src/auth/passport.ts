import type { Knex } from 'knex';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { hashPassword, verifyPassword } from '@sms/db/password-hash';

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

/** passport's local strategy: email + password → the user row, or false. */
export function configurePassport(knex: Knex): passport.PassportStatic {
  passport.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
      (async () => {
        const user = (await knex('users').where({ email: normaliseEmail(email) }).first()) as UserRow | undefined;
        const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
        return user && user.password_hash && ok ? user : false;
      })().then((user) => done(null, user), done);
    }),
  );
  return passport;
}
