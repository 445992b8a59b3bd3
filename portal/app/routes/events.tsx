// GET /events: the API's live updates (Server-Sent Events) for the signed-in student, streamed through. The
// browser holds only the portal's session cookie, so the portal opens the API's stream with the student's token.
import type { LoaderFunctionArgs } from '@remix-run/node';

import { apiEventStream, isApiError } from '~/lib/api.server';
import { callerFor, getSession } from '~/lib/session.server';

const refuse = (status: number, message: string) =>
  Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (!session.get('token')) return refuse(401, 'Sign in to receive live updates.');
  let upstream: Response;
  try {
    // Aborted when the browser goes: the API's stream closes with it.
    upstream = await apiEventStream(callerFor(session, context), request.signal);
  } catch (error) {
    if (isApiError(error)) return refuse(error.status === 403 ? 403 : error.status === 401 ? 401 : 503, error.message);
    throw error;
  }
  if (!upstream.body) return refuse(503, 'Live updates are not available right now.');
  return new Response(upstream.body, {
    headers: {
      'Content-Type': 'text/event-stream',
      // no-transform: compression() would otherwise hold events back to fill its buffer.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
