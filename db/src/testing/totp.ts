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
