import { redirect, type ActionFunctionArgs } from '@remix-run/node';

import { api } from '~/lib/api.server';
import { callerFor, destroySession, readSecureForm } from '~/lib/session.server';

/** GET /logout has nothing to show: signing out is a POST from the header's button. */
export const loader = () => redirect('/');

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  // A forged sign-out (no valid CSRF token) is ignored.
  if (!submitted.ok) return redirect('/dashboard');
  const { session } = submitted;
  if (session.get('token')) {
    // End the API session too; if the API is down or the token already expired, sign out anyway.
    await api.auth.logout(callerFor(session, context)).catch(() => undefined);
  }
  return redirect('/login?reason=signed-out', {
    headers: { 'Set-Cookie': await destroySession(request, session) },
  });
}
