import type { LoaderFunctionArgs } from '@remix-run/node';

import { apiDownload, isApiError } from '~/lib/api.server';
import { idOf } from '~/lib/forms.server';
import { requireStudent } from '~/lib/session.server';

/** My certificate as a PDF, fetched with my session (the API decides whose it is). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStudent(request, context);
  const id = idOf(params.id);
  if (!id) throw new Response('No such certificate.', { status: 404 });
  try {
    const file = await apiDownload(caller, `/certificates/${id}/pdf`);
    return new Response(file.body, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': file.headers.get('Content-Disposition') ?? 'attachment; filename="certificate.pdf"',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isApiError(error)) throw new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
