import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Config } from '../config';
import { contextOf, requireActor, type Actor } from '../core/actor';
import { writeAudit } from '../core/audit';
import { AppError, errors } from '../core/errors';
import { parseInput } from '../core/input';
import type { Mailer } from '../mail/mailer';
import { mailTemplates } from '../mail/templates';
import type { Links } from './links';
import type { MeLoader } from './me';
import { completeSession, markSecondFactor, type NewSession } from './sessions';
import { answerSignIn, deviceCookieOptions, metaOf } from './sign-in';
import type { AuthThrottle } from './throttle';
import { DEVICE_COOKIE, type TwoFactor } from './two-factor';

export interface TwoFactorRouteDeps {
  knex: Knex;
  config: Config;
  throttle: AuthThrottle;
  twoFactor: TwoFactor;
  me: MeLoader;
  mailer: Mailer;
  links: Links;
}

const codeInput = z.object({
  code: z.string({ error: 'Enter the 6-digit code from your authenticator app.' }).trim().min(1, 'Enter the 6-digit code from your authenticator app.').max(40, 'That is not a code from an authenticator app or a recovery code.'),
});
const verifyInput = codeInput.extend({ remember_device: z.boolean({ error: 'remember_device must be true or false.' }).optional() });
const WRONG_CODE = 'That code is not right. Use the newest code your app shows (and check that your phone’s clock is set automatically), or one of your recovery codes.';

/**
 * Two-factor sign-in: enrolment (QR code and the secret as text, confirmed by a first code, then recovery codes shown
 * once), the code step of a pending sign-in (with "remember this device"), recovery codes, turning it off where the
 * role allows, remembered devices, and an admin's reset. Every step is audited; wrong codes are rate-limited per account.
 */
export function twoFactorRouter({ knex, config, throttle, twoFactor, me, mailer, links }: TwoFactorRouteDeps): Router {
  const router = Router();
  const requiredFor = (actor: Actor) => config.twoFactorRequiredRoles.includes(actor.role);

  /** A signed-in person in a session of their own: API keys (sessionId 0) never manage a second factor. */
  const personOf = (req: Request) => {
    const actor = requireActor(req);
    if (!actor.sessionId) throw errors.forbidden('API keys cannot manage two-factor sign-in. Sign in as yourself.');
    return actor;
  };

  /**
   * Runs `work` in a transaction once the account may try a code; `work` answers null for a wrong code, which is
   * counted against the account, audited, and refused with 422 on the `code` field.
   */
  async function withCode<T>(req: Request, actor: Actor, step: string, work: (trx: Knex.Transaction) => Promise<T | null>): Promise<T> {
    await throttle.assertCanTryCode(actor.id);
    const result = await knex.transaction(work);
    if (result === null) {
      await throttle.recordCodeFailure(actor.id);
      await writeAudit(knex, contextOf(req), { action: 'two_factor_failed', resource: 'two_factor', recordId: actor.id, after: { step } });
      throw errors.validation(WRONG_CODE, { code: WRONG_CODE });
    }
    await throttle.recordCodeSuccess(actor.id);
    return result;
  }

  router.get('/auth/2fa', async (req, res) => {
    const actor = personOf(req);
    const status = await twoFactor.status(knex, actor.id);
    res.json({ ...status, required: requiredFor(actor), pending: Boolean(actor.twoFactorPending), second_factor: actor.secondFactor ?? null });
  });

  router.post('/auth/2fa/setup', async (req, res) => {
    const actor = personOf(req);
    parseInput(z.object({}).strict(), req.body ?? {});
    const enrolment = await knex.transaction(async (trx) => {
      const started = await twoFactor.startEnrolment(trx, actor);
      if (!started) {
        throw errors.conflict(
          actor.twoFactorPending
            ? 'Two-factor sign-in is already set up for this account: enter the code from your authenticator app.'
            : 'Two-factor sign-in is already on. To move it to a new phone, turn it off first, or ask an admin to reset it.',
        );
      }
      await writeAudit(trx, contextOf(req), { action: 'two_factor_setup', resource: 'two_factor', recordId: actor.id });
      return started;
    });
    res.status(201).json({ ...enrolment, message: 'Scan the QR code with your authenticator app (or type the key into it), then enter the 6-digit code it shows.' });
  });

  router.get('/auth/2fa/setup', async (req, res) => {
    const actor = personOf(req);
    const enrolment = await twoFactor.pendingEnrolment(knex, actor);
    if (!enrolment) throw new AppError(404, 'NOT_FOUND', 'No two-factor setup is under way. Start one first.');
    res.json(enrolment);
  });

  router.delete('/auth/2fa/setup', async (req, res) => {
    const actor = personOf(req);
    await knex.transaction(async (trx) => {
      const dropped = await trx('user_totp').where({ user_id: actor.id }).whereNull('enabled_at').delete();
      if (!dropped) throw new AppError(404, 'NOT_FOUND', 'No two-factor setup is under way.');
      await writeAudit(trx, contextOf(req), { action: 'two_factor_setup_cancelled', resource: 'two_factor', recordId: actor.id });
    });
    res.status(204).end();
  });

  router.post('/auth/2fa/enable', async (req, res) => {
    const actor = personOf(req);
    const { code } = parseInput(codeInput, req.body);
    const { recoveryCodes, session } = await withCode(req, actor, 'enable', async (trx) => {
      const codes = await twoFactor.confirmEnrolment(trx, actor.id, code);
      if (!codes) return null;
      await writeAudit(trx, contextOf(req), { action: 'two_factor_enable', resource: 'two_factor', recordId: actor.id });
      let opened: NewSession | null = null;
      if (actor.twoFactorPending) {
        opened = await completeSession(trx, actor.sessionId, config.SESSION_TTL_HOURS, metaOf(req), 'totp');
        await writeAudit(trx, contextOf(req), { action: 'login', resource: 'sessions', recordId: opened.sessionId, after: { second_factor: 'totp', enrolled: true } });
      } else {
        await markSecondFactor(trx, actor.sessionId, 'totp');
      }
      return { recoveryCodes: codes, session: opened };
    });
    const extra = {
      recovery_codes: recoveryCodes,
      message: 'Two-factor sign-in is on. Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown only now.',
    };
    const user = await me(actor.id);
    if (session) answerSignIn(res, config, { session, user }, actor.via, extra);
    else res.json({ user, ...extra });
  });

  router.post('/auth/2fa/verify', async (req, res) => {
    const actor = personOf(req);
    const input = parseInput(verifyInput, req.body);
    if (!actor.twoFactorPending) throw errors.conflict('You are already signed in: no code is needed.');
    if (!(await twoFactor.isEnabled(knex, actor.id))) throw errors.conflict('Two-factor sign-in is not set up for this account yet: set it up first.');
    const { session, device, method } = await withCode(req, actor, 'verify', async (trx) => {
      const proof = await twoFactor.checkCode(trx, actor.id, input.code);
      if (!proof) return null;
      const opened = await completeSession(trx, actor.sessionId, config.SESSION_TTL_HOURS, metaOf(req), proof);
      const remembered = input.remember_device ? await twoFactor.trustDevice(trx, actor.id, metaOf(req)) : null;
      await writeAudit(trx, contextOf(req), [
        { action: 'login', resource: 'sessions', recordId: opened.sessionId, after: { second_factor: proof, remembered_device: remembered?.id ?? null } },
        ...(remembered ? [{ action: 'trust_device', resource: 'trusted_devices', recordId: remembered.id }] : []),
      ]);
      return { session: opened, device: remembered, method: proof };
    });
    const extra: Record<string, unknown> = {};
    if (method === 'recovery_code') {
      const left = await twoFactor.recoveryCodesLeft(knex, actor.id);
      extra.recovery_codes_left = left;
      extra.message = `You used a recovery code; ${left} ${left === 1 ? 'is' : 'are'} left. Make new ones on your profile page${left ? ' before they run out' : ''}.`;
    }
    if (device && actor.via === 'cookie') res.cookie(DEVICE_COOKIE, device.token, deviceCookieOptions(config));
    if (device && actor.via === 'bearer') extra.device_token = device.token;
    answerSignIn(res, config, { session, user: await me(actor.id) }, actor.via, extra);
  });

  router.post('/auth/2fa/recovery-codes', async (req, res) => {
    const actor = personOf(req);
    const { code } = parseInput(codeInput, req.body);
    if (!(await twoFactor.isEnabled(knex, actor.id))) throw errors.conflict('Turn two-factor sign-in on first.');
    const codes = await withCode(req, actor, 'recovery_codes', async (trx) => {
      if (!(await twoFactor.checkCode(trx, actor.id, code))) return null;
      const fresh = await twoFactor.newRecoveryCodes(trx, actor.id);
      await writeAudit(trx, contextOf(req), { action: 'two_factor_recovery_codes', resource: 'two_factor', recordId: actor.id });
      return fresh;
    });
    res.json({ recovery_codes: codes, message: 'New recovery codes: the old ones no longer work. Keep these somewhere safe; they are shown only now.' });
  });

  router.post('/auth/2fa/disable', async (req, res) => {
    const actor = personOf(req);
    const { code } = parseInput(codeInput, req.body);
    if (requiredFor(actor)) {
      throw errors.forbidden(`Your role (${actor.role}) requires two-factor sign-in, so it cannot be turned off. Lost your phone? Use a recovery code, or ask an admin to reset it.`);
    }
    if (!(await twoFactor.isEnabled(knex, actor.id))) throw errors.conflict('Two-factor sign-in is already off.');
    await withCode(req, actor, 'disable', async (trx) => {
      if (!(await twoFactor.checkCode(trx, actor.id, code))) return null;
      const removed = await twoFactor.remove(trx, actor.id);
      await writeAudit(trx, contextOf(req), { action: 'two_factor_disable', resource: 'two_factor', recordId: actor.id, after: { devices_forgotten: removed.devices } });
      return removed;
    });
    res.clearCookie(DEVICE_COOKIE, { ...deviceCookieOptions(config), maxAge: undefined });
    res.json({ message: 'Two-factor sign-in is off. You sign in with your password alone.' });
  });

  router.delete('/auth/2fa/devices/:id', async (req, res) => {
    const actor = personOf(req);
    const { id } = parseInput(z.object({ id: z.coerce.number({ error: 'Unknown device.' }).int().positive() }), req.params);
    await knex.transaction(async (trx) => {
      const deleted = await trx('trusted_devices').where({ id, user_id: actor.id }).delete();
      if (!deleted) throw errors.notFound('remembered device');
      await writeAudit(trx, contextOf(req), { action: 'forget_device', resource: 'trusted_devices', recordId: id });
    });
    res.status(204).end();
  });

  router.delete('/auth/2fa/devices', async (req, res) => {
    const actor = personOf(req);
    const forgotten = await knex.transaction(async (trx) => {
      const count = await trx('trusted_devices').where({ user_id: actor.id }).delete();
      await writeAudit(trx, contextOf(req), { action: 'forget_devices', resource: 'trusted_devices', recordId: actor.id, after: { count } });
      return count;
    });
    res.clearCookie(DEVICE_COOKIE, { ...deviceCookieOptions(config), maxAge: undefined });
    res.json({ forgotten, message: forgotten ? `Forgot ${forgotten} device${forgotten === 1 ? '' : 's'}: each asks for a code at its next sign-in.` : 'No devices were remembered.' });
  });

  router.post('/users/:id/2fa/reset', async (req, res) => {
    const actor = requireActor(req);
    if (actor.role !== 'admin') throw errors.forbidden('Only admins can reset two-factor sign-in.');
    const { id } = parseInput(z.object({ id: z.coerce.number({ error: 'Unknown user.' }).int().positive() }), req.params);
    if (id === actor.id) throw errors.forbidden("You can't reset your own two-factor sign-in. Ask another admin.");
    const result = await knex.transaction(async (trx) => {
      const user = await trx('users').where({ id }).first('id', 'name', 'email', 'role');
      if (!user) throw errors.notFound('user');
      const wasEnabled = await twoFactor.isEnabled(trx, id);
      const removed = await twoFactor.remove(trx, id);
      const sessions = await trx('sessions').where({ user_id: id }).delete();
      await writeAudit(trx, contextOf(req), {
        action: 'two_factor_reset',
        resource: 'users',
        recordId: id,
        after: { was_enabled: wasEnabled, sessions_ended: sessions, devices_forgotten: removed.devices },
      });
      await mailer.send(trx, mailTemplates.twoFactorReset(user.email, user.name, links.signIn(user.role)));
      return { user, sessions };
    });
    const again = config.twoFactorRequiredRoles.includes(result.user.role) ? ' They set it up again at their next sign-in.' : '';
    res.json({
      message: `Two-factor sign-in of ${result.user.name} is reset and they are signed out everywhere.${again}`,
      sessions_ended: result.sessions,
    });
  });

  return router;
}
