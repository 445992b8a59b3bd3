import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { apiList, type TicketRow } from '~/lib/api.server';
import { formatWhen, plural, recipientText } from '~/lib/format.server';
import { loadStudentPage } from '~/lib/student-page.server';
import { TICKET_STATES } from '~/lib/views';

export const meta: MetaFunction = () => [{ title: 'Tickets · Student Portal' }];

const SHOWN = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, (caller) =>
    apiList<TicketRow>(caller, 'tickets', { sort: ['last_message_at', 'DESC'], range: [0, SHOWN - 1] }),
  );
  const { zone, data: tickets } = page;
  const now = new Date();
  return {
    tickets: tickets.rows.map((ticket) => ({
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      to: recipientText(ticket),
      lastText: formatWhen(ticket.last_message_at, zone, now, true),
      isoLast: ticket.last_message_at,
      messagesText: plural(ticket.message_count, 'message'),
    })),
    shownText: tickets.total > tickets.rows.length ? `Your ${tickets.rows.length} most recent tickets of ${tickets.total}.` : null,
  };
}

export default function Tickets() {
  const { tickets, shownText } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Tickets</h1>
        <Link to="/tickets/new" className="button">
          New ticket
        </Link>
      </div>
      <p className="lead">Private questions to your mentor or to the SRE team. Only you and they can read them.</p>
      {tickets.length === 0 ? (
        <p className="panel muted">
          You have no tickets yet. Stuck on a mission, or something about your account? <Link to="/tickets/new">Ask here</Link>.
        </p>
      ) : (
        <ul className="item-list">
          {tickets.map((ticket) => {
            const state = TICKET_STATES[ticket.status];
            return (
              <li key={ticket.id} className="item">
                <p className="item-title">
                  <Link to={`/tickets/${ticket.id}`}>{ticket.subject}</Link>
                </p>
                <p className="item-meta">
                  <span className={state.badge}>{state.label}</span>
                  <span>To {ticket.to}</span>
                </p>
                <p className="item-meta muted small">
                  <span>
                    Last activity <time dateTime={ticket.isoLast}>{ticket.lastText}</time> · {ticket.messagesText}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {shownText ? <p className="muted small">{shownText}</p> : null}
    </div>
  );
}
