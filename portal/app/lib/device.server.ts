// "Remember this device" for two-factor sign-in: the API's device token, kept in a cookie of its own so it outlives
// the session (signing out must not forget the device). httpOnly; 30 days, like the API's limit.
import { createCookie } from '@remix-run/node';

import { secureCookies } from './session.server';

const MAX_AGE = 30 * 24 * 60 * 60;
const cookieFor = (secure: boolean) => createCookie('sms_device', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: MAX_AGE });
const plain = cookieFor(false);
const secure = cookieFor(true);
const cookie = (request: Request) => (secureCookies(request) ? secure : plain);

export async function deviceTokenOf(request: Request): Promise<string | undefined> {
  const value = await cookie(request).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length >= 20 && value.length <= 200 ? value : undefined;
}

export const rememberDevice = (request: Request, token: string) => cookie(request).serialize(token);
