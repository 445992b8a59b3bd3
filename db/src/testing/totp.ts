import { generate } from 'otplib';

const PERIOD = 30;
const lastStep = new Map<string, number>();

/**
 * The code an authenticator app would show for `secret`, as a person signing in would type it. The API refuses a
 * code of a time step it has seen before, so a second sign-in within the same 30 s uses the next step's code
 * (accepted for clock drift) and, past that, waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / PERIOD);
  const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, ((step - 1) * PERIOD) * 1000 - Date.now() + 200));
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * PERIOD });
}

/** TOTP secrets of the accounts a test run has enrolled (through the API or a browser), by email. */
export const knownTotpSecrets = new Map<string, string>();

async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Signs in as a bearer client (POST /auth/token) and, when the account uses two-factor sign-in, finishes it as its
 * owner would: enrols an authenticator on the first sign-in of a role that requires it (keeping the secret in
 * `knownTotpSecrets`), or enters the next code. Answers the token of the full session.
 */
export async function signInOverHttp(apiUrl: string, email: string, password: string): Promise<string> {
  const answer = await postJson(`${apiUrl}/auth/token`, { email, password });
  if (answer.status !== 200) throw new Error(`sign-in as ${email} → ${answer.status} ${JSON.stringify(answer.body)}`);
  const step = answer.body.user?.two_factor?.step as 'verify' | 'enrol' | null | undefined;
  if (!step) return answer.body.token;
  let finished;
  if (step === 'enrol') {
    const setup = await postJson(`${apiUrl}/auth/2fa/setup`, {}, answer.body.token);
    if (setup.status !== 201) throw new Error(`two-factor setup for ${email} → ${setup.status} ${JSON.stringify(setup.body)}`);
    knownTotpSecrets.set(email, setup.body.secret);
    finished = await postJson(`${apiUrl}/auth/2fa/enable`, { code: await totpCode(setup.body.secret) }, answer.body.token);
  } else {
    const secret = knownTotpSecrets.get(email);
    if (!secret) throw new Error(`${email} uses two-factor sign-in, but this test run does not know its secret`);
    finished = await postJson(`${apiUrl}/auth/2fa/verify`, { code: await totpCode(secret) }, answer.body.token);
  }
  if (finished.status !== 200) throw new Error(`two-factor ${step} for ${email} → ${finished.status} ${JSON.stringify(finished.body)}`);
  return finished.body.token;
}
