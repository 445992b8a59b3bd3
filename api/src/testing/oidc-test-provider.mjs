// A local OpenID Connect provider for tests (oidc-provider), so single sign-on is tested end to end without the
// internet. Started by api/src/testing/oidc-provider.ts as its own process:
//   OIDC_TEST_PORT=…  OIDC_TEST_CLIENT='{"client_id":…,"client_secret":…,"redirect_uris":[…]}'
// Its sign-in page asks only for an email, whether the provider has verified it, and whether the person used MFA:
// the tests (and a browser test) say who signs in and what the ID token claims.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_TEST_PORT);
const issuer = `http://127.0.0.1:${port}`;
const client = JSON.parse(process.env.OIDC_TEST_CLIENT);
/** email → what the provider says about it */
const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [{ grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', ...client }],
  async findAccount(_ctx, id) {
    const account = accounts.get(id) ?? { email_verified: true };
    return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: account.email_verified, name: id.split('@')[0] }) };
  },
  claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  cookies: { keys: ['test-only-cookie-signing-key'] },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Test identity provider</title></head><body style="font-family:sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem">
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label>Email <input name="email" type="email" required autofocus style="width:100%"></label></p>
<p><label><input type="checkbox" name="email_verified" checked> Email address verified</label></p>
<p><label><input type="checkbox" name="mfa"> Signed in with a second factor (MFA)</label></p>
<p><button type="submit">Continue</button></p>
</form></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (!match[2]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(page(details.uid));
    }
    const form = await readForm(req);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    accounts.set(email, { email_verified: form.get('email_verified') === 'on' });
    const grant = new provider.Grant({ accountId: email, clientId: details.params.client_id });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    const amr = form.get('mfa') === 'on' ? ['pwd', 'mfa'] : ['pwd'];
    await provider.interactionFinished(req, res, { login: { accountId: email, amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(`interaction failed: ${error.message}`);
  }
});
server.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
