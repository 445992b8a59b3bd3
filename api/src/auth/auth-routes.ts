import { Router, type CookieOptions, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type passport from 'passport';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@sms/db/password-hash';
import type { Config } from '../config';
import { contextOf, requireActor, type Actor } from '../core/actor';
import { writeAudit } from '../core/audit';
import { AppError, errors } from '../core/errors';
import { parseInput } from '../core/input';
import type { ResourceDefinition } from '../core/resource';
import { ACTIONS } from '../core/resource';
import { scopedQuery } from '../core/resource-router';
import { hasLiveRestrictionSql } from '../resources/integrity-actions/live-actions';
import type { Mailer } from '../mail/mailer';
import { mailTemplates } from '../mail/templates';
import type { UserRow } from './passport';
import { createSession, endSession, hashToken, SESSION_COOKIE } from './sessions';
import type { AuthThrottle } from './throttle';
import { consumeToken, issueToken } from './tokens';
import { appLinks } from './links';

export const PASSWORD_RULE = z
  .string({ error: 'Password is required.' })
  .min(10, 'Password must be at least 10 characters.')
  .max(200, 'Password must be at most 200 characters.');
const emailRule = z.string({ error: 'Email is required.' }).trim().toLowerCase().email('Enter a valid email address.');


const PUBLIC_USER_COLUMNS = ['id', 'email', 'name', 'role', 'status', 'phone', 'avatar_url', 'timezone', 'notification_prefs', 'email_verified_at'];

export interface AuthDeps {
  knex: Knex;
  config: Config;
  mailer: Mailer;
  throttle: AuthThrottle;
  passport: passport.PassportStatic;
  resources: readonly ResourceDefinition[];
}

export function authRouter({ knex, config, mailer, throttle, passport, resources }: AuthDeps): Router {
  const router = Router();
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.SESSION_TTL_HOURS * 3600 * 1000,
  };
  const ipOf = (req: Request) => req.ip ?? 'unknown';
  const links = appLinks(config);

  async function me(actorId: number) {
    // `today` is the user's day in their profile zone and `server_now` the API's clock: the back office shows
    // days and times from these, whatever the browser's zone or clock says.
    const user = await knex('users')
      .where({ id: actorId })
      .first([...PUBLIC_USER_COLUMNS, knex.raw(`to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS today`), knex.raw('now() AS server_now')]);
    const actor = { id: user.id, role: user.role } as Actor;
    const permissions: Record<string, string[]> = {};
    for (const resource of resources) {
      const allowed = ACTIONS.filter((action) => resource.policy.can(actor, action));
      if (allowed.length) permissions[resource.name] = allowed;
    }
    const standing =
      user.role === 'student'
        ? await knex('students as s')
            .where('s.id', actorId)
            .first(
              's.status',
              's.status_reason',
              knex.raw(`${hasLiveRestrictionSql('s.id')} AS restricted`),
            )
        : undefined;
    const notices = resources.find((resource) => resource.name === 'notices');
    const unreadNotices =
      user.role === 'student' && notices
        ? await scopedQuery(notices, actor, knex)
            .clearSelect()
            .whereRaw('NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = notices.id AND r.student_id = ?)', [actorId])
            .resultSize()
        : undefined;
    return { ...user, permissions, ...(standing ? { standing, unread_notices: unreadNotices } : {}) };
  }

  function authenticateLocal(req: Request, res: Response, next: NextFunction): Promise<UserRow | false> {
    return new Promise((resolve, reject) => {
      passport.authenticate('local', { session: false }, (error: unknown, user: UserRow | false) =>
        error ? reject(error) : resolve(user),
      )(req, res, next);
    });
  }

  async function signIn(req: Request, res: Response, next: NextFunction) {
    const { email } = parseInput(z.object({ email: emailRule, password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.') }), req.body);
    await throttle.assertCanTryLogin(ipOf(req), email);
    const user = await authenticateLocal(req, res, next);
    if (!user) {
      await throttle.recordLoginFailure(ipOf(req), email);
      req.log?.warn({ email, requestId: req.id }, 'failed sign-in');
      throw new AppError(401, 'UNAUTHENTICATED', 'Email or password is incorrect.');
    }
    await throttle.recordLoginSuccess(email);
    if (user.status !== 'active') {
      throw new AppError(403, 'ACCOUNT_BLOCKED', 'This account is disabled. Contact the school if you think this is a mistake.');
    }
    if (!user.email_verified_at) {
      throw new AppError(403, 'EMAIL_NOT_VERIFIED', `Please confirm your email address first: we sent a link to ${user.email}. You can ask for a new link below.`);
    }
    const session = await knex.transaction(async (trx) => {
      const created = await createSession(trx, user.id, config.SESSION_TTL_HOURS, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
      const context = contextOf(req);
      await writeAudit(trx, { ...context, actor: { id: user.id, role: user.role } as Actor }, { action: 'login', resource: 'sessions', recordId: created.sessionId });
      return created;
    });
    return { session, user: await me(user.id) };
  }

  router.post('/auth/login', async (req, res, next) => {
    const { session, user } = await signIn(req, res, next);
    res.cookie(SESSION_COOKIE, session.token, cookieOptions);
    res.json({ user, csrfToken: session.csrfToken });
  });

  router.post('/auth/token', async (req, res, next) => {
    const { session, user } = await signIn(req, res, next);
    res.json({ token: session.token, csrfToken: session.csrfToken, user });
  });

  router.post('/auth/logout', async (req, res) => {
    if (req.actor) {
      const actor = req.actor;
      await knex.transaction(async (trx) => {
        await endSession(trx, actor.sessionId);
        await writeAudit(trx, contextOf(req), { action: 'logout', resource: 'sessions', recordId: actor.sessionId });
      });
    }
    res.clearCookie(SESSION_COOKIE, { ...cookieOptions, maxAge: undefined });
    res.status(204).end();
  });

  router.get('/auth/me', async (req, res) => {
    const actor = requireActor(req);
    res.json({ ...(await me(actor.id)), csrfToken: actor.csrfToken });
  });

  router.post('/auth/signup', async (req, res) => {
    const input = parseInput(
      z.object({
        name: z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(200, 'Name is too long.'),
        email: emailRule,
        password: PASSWORD_RULE,
      }),
      req.body,
    );
    await throttle.consumeSignup(ipOf(req));
    const passwordHash = await hashPassword(input.password);
    await knex.transaction(async (trx) => {
      const existing = await trx('users').where({ email: input.email }).first('id', 'name', 'role');
      if (existing) {
        // Same answer as a fresh sign-up, so the form can't be used to find out who studies here.
        await mailer.send(trx, mailTemplates.alreadyRegistered(input.email, existing.name, links.signIn(existing.role), links.forgot(existing.role)));
        return;
      }
      const [user] = await trx('users')
        .insert({ name: input.name, email: input.email, role: 'student', password_hash: passwordHash, password_changed_at: trx.fn.now() })
        .returning(['id', 'email', 'name', 'role', 'status']);
      await writeAudit(trx, { ...contextOf(req), actor: { id: user.id, role: 'student' } as Actor }, { action: 'signup', resource: 'users', recordId: user.id, after: user });
      const token = await issueToken(trx, user.id, 'verify_email');
      await mailer.send(trx, mailTemplates.verifyEmail(user.email, user.name, links.verify(token)));
    });
    res.status(201).json({ message: `Check your inbox: we sent a link to ${input.email} to confirm your address.` });
  });

  router.post('/auth/verify-email', async (req, res) => {
    // Mail scanners may open the link first: a used link of an already confirmed address still says yes.
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const confirmed = token
      ? await knex('user_tokens as t').join('users as u', 'u.id', 't.user_id').where({ 't.token_hash': hashToken(token), 't.purpose': 'verify_email' }).whereNotNull('u.email_verified_at').first('u.id')
      : undefined;
    if (confirmed) {
      res.json({ message: 'Your email address is confirmed. You can sign in now.' });
      return;
    }
    await knex.transaction(async (trx) => {
      const { userId } = await consumeToken(trx, req.body?.token, ['verify_email']);
      const [user] = await trx('users').where({ id: userId }).update({ email_verified_at: trx.raw('coalesce(email_verified_at, now())') }).returning(['id', 'role', 'email_verified_at']);
      await writeAudit(trx, { ...contextOf(req), actor: { id: user.id, role: user.role } as Actor }, { action: 'verify_email', resource: 'users', recordId: user.id, after: { email_verified_at: user.email_verified_at } });
    });
    res.json({ message: 'Your email address is confirmed. You can sign in now.' });
  });

  router.post('/auth/verify-email/resend', async (req, res) => {
    const { email } = parseInput(z.object({ email: emailRule }), req.body);
    await throttle.consumeReset(ipOf(req), email);
    await knex.transaction(async (trx) => {
      const user = await trx('users').where({ email }).whereNull('email_verified_at').andWhere('status', 'active').first('id', 'name', 'email');
      if (!user) return;
      const token = await issueToken(trx, user.id, 'verify_email');
      await mailer.send(trx, mailTemplates.verifyEmail(user.email, user.name, links.verify(token)));
      await writeAudit(trx, contextOf(req), { action: 'resend_verification', resource: 'users', recordId: user.id });
    });
    res.status(202).json({ message: `If ${email} has an unconfirmed account, a new confirmation link is on its way.` });
  });

  router.post('/auth/password/forgot', async (req, res) => {
    const { email } = parseInput(z.object({ email: emailRule }), req.body);
    await throttle.consumeReset(ipOf(req), email);
    await knex.transaction(async (trx) => {
      const user = await trx('users').where({ email }).andWhere('status', 'active').first('id', 'name', 'email', 'role');
      if (!user) return;
      const token = await issueToken(trx, user.id, 'reset_password');
      await mailer.send(trx, mailTemplates.resetPassword(user.email, user.name, links.reset(user.role, token)));
      await writeAudit(trx, contextOf(req), { action: 'request_password_reset', resource: 'users', recordId: user.id });
    });
    res.status(202).json({ message: `If ${email} has an account, a link to reset the password is on its way. It expires in 1 hour.` });
  });

  router.post('/auth/password/reset', async (req, res) => {
    const input = parseInput(z.object({ token: z.string({ error: 'The link is incomplete.' }), password: PASSWORD_RULE }), req.body);
    const passwordHash = await hashPassword(input.password);
    await knex.transaction(async (trx) => {
      const { userId, purpose } = await consumeToken(trx, input.token, ['reset_password', 'invite']);
      // The emailed link proves the address, so a reset or invitation also confirms it.
      const [user] = await trx('users')
        .where({ id: userId })
        .update({ password_hash: passwordHash, password_changed_at: trx.fn.now(), email_verified_at: trx.raw('coalesce(email_verified_at, now())') })
        .returning(['id', 'role']);
      await trx('user_tokens').where({ user_id: userId, purpose: 'reset_password' }).whereNull('used_at').update({ used_at: trx.fn.now() });
      await writeAudit(trx, { ...contextOf(req), actor: { id: user.id, role: user.role } as Actor }, { action: purpose === 'invite' ? 'accept_invite' : 'reset_password', resource: 'users', recordId: user.id });
    });
    res.json({ message: 'Your password is set. Sign in with it now.' });
  });

  router.post('/auth/password/change', async (req, res) => {
    const actor = requireActor(req);
    const input = parseInput(
      z.object({ currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'), newPassword: PASSWORD_RULE }),
      req.body,
    );
    await throttle.assertCanTryLogin(ipOf(req), actor.email);
    const row = await knex('users').where({ id: actor.id }).first('password_hash');
    if (!(await verifyPassword(input.currentPassword, row?.password_hash))) {
      await throttle.recordLoginFailure(ipOf(req), actor.email);
      throw errors.validation('Your current password is not correct.', { currentPassword: 'Your current password is not correct.' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const session = await knex.transaction(async (trx) => {
      // The users trigger ends every session of this account, this one included; a fresh one replaces it.
      await trx('users').where({ id: actor.id }).update({ password_hash: passwordHash, password_changed_at: trx.fn.now() });
      await writeAudit(trx, contextOf(req), { action: 'change_password', resource: 'users', recordId: actor.id });
      return createSession(trx, actor.id, config.SESSION_TTL_HOURS, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
    });
    if (actor.via === 'cookie') res.cookie(SESSION_COOKIE, session.token, cookieOptions);
    res.json({
      message: 'Your password is changed. Other devices have been signed out.',
      user: await me(actor.id),
      csrfToken: session.csrfToken,
      ...(actor.via === 'bearer' ? { token: session.token } : {}),
    });
  });

  return router;
}
