import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { CsrfInput, SubmitButton } from '~/components/form';
import { api } from '~/lib/api.server';
import { failure } from '~/lib/forms.server';
import { loadStudentPage } from '~/lib/student-page.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Alerts · Student Portal' }];

/** News (new assignments, replies, shout-outs, certificates, appeal decisions) and reminders of what is due soon. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, (caller) => api.me.notifications(caller));
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: page.zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const items = page.data.items.map((item) => ({ ...item, whenText: when.format(new Date(item.at)) }));
  return {
    newCount: page.data.new_count,
    reminders: items.filter((item) => item.kind === 'deadline' || item.kind === 'meeting'),
    news: items.filter((item) => item.kind !== 'deadline' && item.kind !== 'meeting'),
  };
}

/** "Mark all as seen": a plain form, so it works without JavaScript and a link preview never marks anything. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  try {
    await api.me.notificationsSeen(submitted.caller);
  } catch (error) {
    await signOutIfUnauthenticated(error, request, submitted.session);
    return failure(error);
  }
  return redirect('/alerts');
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['news'][number];

function AlertList({ items }: { items: Item[] }) {
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.key} className={`card alert-item${item.new ? ' alert-new' : ''}`}>
          <Link to={item.href} className="item-title">
            {item.new ? <span className="badge badge-good">New</span> : null} {item.title}
          </Link>
          <p className="item-meta">
            <time dateTime={item.at}>{item.whenText}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function Alerts() {
  const { newCount, reminders, news } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Alerts</h1>
      <section className="section" aria-labelledby="soon-heading">
        <h2 id="soon-heading">Coming up</h2>
        {reminders.length ? <AlertList items={reminders} /> : <p className="panel muted">Nothing due in the next two days.</p>}
      </section>
      <section className="section" aria-labelledby="news-heading">
        <h2 id="news-heading">News {newCount ? <span className="muted">({newCount} new)</span> : null}</h2>
        {news.length ? <AlertList items={news} /> : <p className="panel muted">No news in the last 30 days.</p>}
        {newCount ? (
          <Form method="post" className="alerts-seen">
            <CsrfInput />
            <SubmitButton pendingText="Marking…">Mark all as seen</SubmitButton>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
