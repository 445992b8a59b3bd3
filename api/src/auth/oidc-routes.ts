import { Router, type CookieOptions, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { Role } from '../core/actor';
import { errors } from '../core/errors';
import { OidcClient } from './oidc';
import { hashToken, newToken, SESSION_COOKIE } from './sessions';
import { openSession, sessionCookieOptions, type SignInDeps } from './sign-in';

const FLOW_COOKIE = 'sms_oidc';
const FLOW_MINUTES = 10;

/**
 * Why an SSO sign-in did not open a session, as a code in the back office's URL (`#/login?sso_error=<code>`): the back
 * office shows a fixed sentence for each, so nobody can make the sign-in page say what they like.
 */
export type SsoError = 'unavailable' | 'expired' | 'cancelled' | 'failed' | 'unverified' | 'domain' | 'no_account' | 'disabled' | 'student';

/**
 * Single sign-on for staff with OpenID Connect. Accounts are never created here: a verified email (`email_verified`)
 * links to an existing, active staff account, optionally only from OIDC_ALLOWED_DOMAINS. Students keep passwords.
 * Two-factor applies as after a password, except that an ID token whose `amr` includes "mfa" proves the second factor
 * (unless OIDC_TRUST_IDP_MFA=false).
 */
export function oidcRouter(deps: SignInDeps & { config: Config }): Router {
  const router = Router();
  const { knex, config } = deps;
  const settings = config.oidc;
  const oidc = settings ? new OidcClient(settings) : null;
  const flowCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/auth/oidc', maxAge: FLOW_MINUTES * 60 * 1000 };
  const backoffice = config.BACKOFFICE_URL.replace(/\/$/, '');
  const fail = (res: Response, code: SsoError) => {
    res.clearCookie(FLOW_COOKIE, { ...flowCookie, maxAge: undefined });
    res.redirect(302, `${backoffice}/#/login?sso_error=${code}`);
  };

  router.get('/auth/oidc', (_req, res) => {
    res.json(settings ? { enabled: true, name: settings.providerName, start_url: `${config.apiPublicUrl.replace(/\/$/, '')}/auth/oidc/start` } : { enabled: false });
  });

  router.get('/auth/oidc/start', async (req, res) => {
    if (!oidc) throw errors.notFound('single sign-on (it is not configured)');
    const flow = OidcClient.newFlow();
    let target: URL;
    try {
      target = await oidc.authorizationUrl(flow);
    } catch (error) {
      req.log?.warn({ err: error, issuer: settings!.issuer }, 'OIDC provider unreachable');
      return fail(res, 'unavailable');
    }
    const flowId = newToken();
    await knex.transaction(async (trx) => {
      await trx('oidc_sign_ins').where('expires_at', '<', trx.fn.now()).delete();
      await trx('oidc_sign_ins').insert({
        flow_hash: hashToken(flowId),
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
        expires_at: trx.raw(`now() + make_interval(mins => ?)`, [FLOW_MINUTES]),
      });
    });
    res.cookie(FLOW_COOKIE, flowId, flowCookie);
    res.redirect(302, target.href);
  });

  router.get('/auth/oidc/callback', async (req: Request, res) => {
    if (!oidc) throw errors.notFound('single sign-on (it is not configured)');
    const flowId = (req.cookies as Record<string, string> | undefined)?.[FLOW_COOKIE];
    // Used once, and only by the browser that started it (the cookie), within ten minutes.
    const [flow] = flowId
      ? await knex('oidc_sign_ins').where({ flow_hash: hashToken(flowId) }).andWhere('expires_at', '>', knex.fn.now()).delete().returning(['state', 'nonce', 'code_verifier'])
      : [];
    if (!flow) return fail(res, 'expired');
    if (typeof req.query.error === 'string') return fail(res, 'cancelled');
    const search = new URL(req.originalUrl, 'http://callback.invalid').search;
    let identity;
    try {
      identity = await oidc.identity(search, { state: flow.state, nonce: flow.nonce, codeVerifier: flow.code_verifier });
    } catch (error) {
      req.log?.warn({ err: error }, 'OIDC sign-in failed');
      return fail(res, 'failed');
    }
    const { email } = identity;
    if (!email || !identity.emailVerified) return fail(res, 'unverified');
    const domain = email.split('@').pop() ?? '';
    if (settings!.allowedDomains.length && !settings!.allowedDomains.includes(domain)) return fail(res, 'domain');
    const user = await knex('users').where({ email }).first('id', 'role', 'status');
    if (!user) return fail(res, 'no_account');
    if (user.role === 'student') return fail(res, 'student');
    if (user.status !== 'active') return fail(res, 'disabled');
    // The provider has just proven the address (an invited account that never set a password included).
    await knex('users').where({ id: user.id }).whereNull('email_verified_at').update({ email_verified_at: knex.fn.now() });
    const idpMfa = settings!.trustIdpMfa && identity.amr.includes('mfa');
    const opened = await openSession(deps, req, { id: Number(user.id), role: user.role as Role }, { method: 'oidc', idpMfa });
    res.clearCookie(FLOW_COOKIE, { ...flowCookie, maxAge: undefined });
    res.cookie(SESSION_COOKIE, opened.session.token, sessionCookieOptions(config));
    // A pending session continues on the sign-in page, which asks for the code (or the enrolment) next.
    res.redirect(302, opened.pending ? `${backoffice}/#/login` : `${backoffice}/#/`);
  });

  return router;
}
