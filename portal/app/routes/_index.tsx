import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

import { getSession } from '~/lib/session.server';

/** The start page: the dashboard when signed in, otherwise the sign-in form. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  return redirect(session.get('token') ? '/dashboard' : '/login');
}
