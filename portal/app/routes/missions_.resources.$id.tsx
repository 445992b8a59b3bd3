import type { LoaderFunctionArgs } from '@remix-run/node';

import { apiDownload, isApiError } from '~/lib/api.server';
import { idOf } from '~/lib/forms.server';
import { requireStudent } from '~/lib/session.server';

const PASSED_HEADERS = ['Content-Type', 'Content-Length', 'Content-Disposition', 'Content-Security-Policy'];

/** A mission's file, fetched with the student's session and streamed through (the API decides who may have it). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStudent(request, context);
  const id = idOf(params.id);
  if (!id) throw new Response('No such file.', { status: 404 });
  try {
    const file = await apiDownload(caller, `/mission_resources/${id}/download`);
    const headers = new Headers({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
    for (const name of PASSED_HEADERS) {
      const value = file.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(file.body, { status: 200, headers });
  } catch (error) {
    if (isApiError(error)) throw new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
