import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requireStudent } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Dashboard · Student Portal' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireStudent(request, context);
  return {
    name: user.name,
    email: user.email,
    emailVerified: Boolean(user.email_verified_at),
    missingPhone: !user.phone,
  };
}

export default function Dashboard() {
  const student = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Welcome, {student.name}</h1>
      <p className="lead">Signed in as {student.email}</p>

      {student.missingPhone ? (
        <p className="notice notice-info">
          Add your phone number so your mentor and the SRE team can reach you.{' '}
          <Link to="/profile">Complete your profile</Link>
        </p>
      ) : null}

      <section className="cards" aria-label="Your progress">
        <article className="card">
          <h2>Points</h2>
          <p className="muted">Your points and rank in each mission will appear here.</p>
        </article>
        <article className="card">
          <h2>Attendance</h2>
          <p className="muted">Daily attendance and your streak will appear here.</p>
        </article>
        <article className="card">
          <h2>Missions</h2>
          <p className="muted">Your batches, missions and deadlines will appear here.</p>
        </article>
      </section>
    </div>
  );
}
