import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { revalidateAfterPost } from '~/components/engagement';
import { CsrfInput, FormStatus, SubmitButton, TextAreaField } from '~/components/form';
import { api, apiList, type TicketMessageRow } from '~/lib/api.server';
import { formatWhen, recipientText, ROLE_LABELS } from '~/lib/format.server';
import { failureFor, TICKET_MESSAGE_MAX } from '~/lib/forms';
import { failure, field, idOf, invalid, isWebLink, linksField, refuse, valuesOf } from '~/lib/forms.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';
import { loadStudentPage } from '~/lib/student-page.server';
import { TICKET_STATES } from '~/lib/views';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.ticket.subject ?? 'Ticket'} · Student Portal` },
];

const THREAD_MAX = 500;

const DONE: Record<string, string> = {
  created: 'Your ticket is sent. You will get an email when someone replies.',
  sent: 'Your reply is sent.',
  closed: 'The ticket is closed. If you need more help, write below: that opens it again.',
};

function ticketId(params: { id?: string }): number {
  const id = idOf(params.id);
  if (!id) throw new Response(null, { status: 404 });
  return id;
}

/** The ticket and its thread, oldest first (`GET /ticket_messages?filter={"ticket_id":…}`). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = ticketId(params);
  const page = await loadStudentPage(request, context, async (caller) => {
    const [ticket, messages] = await Promise.all([
      api.tickets.get(caller, id),
      apiList<TicketMessageRow>(caller, 'ticket_messages', {
        filter: { ticket_id: id },
        sort: ['created_at', 'ASC'],
        range: [0, THREAD_MAX - 1],
      }),
    ]);
    return { ticket, messages: messages.rows };
  });
  const { user, zone, data } = page;
  const { ticket, messages } = data;
  const now = new Date();
  const search = new URL(request.url).searchParams;
  const done = Object.keys(DONE).find((key) => search.has(key));
  return {
    ticket: {
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      to: recipientText(ticket),
      openedText: formatWhen(ticket.created_at, zone, now, true),
      isoOpened: ticket.created_at,
      closed: ticket.status === 'closed',
    },
    messages: messages.map((message) => {
      const mine = message.author_id === user.id;
      return {
        id: message.id,
        mine,
        author: mine ? 'You' : message.author_name,
        role: mine ? null : (ROLE_LABELS[message.author_role] ?? message.author_role),
        whenText: formatWhen(message.created_at, zone, now),
        iso: message.created_at,
        body: message.body,
        links: (message.links ?? []).filter(isWebLink),
      };
    }),
    doneText: done ? DONE[done] : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = ticketId(params);
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const intent = field(form, 'intent');
  if (intent === 'reply') {
    const values = valuesOf(form, ['body', 'links']);
    const errors: Record<string, string> = {};
    if (!values.body) errors.body = 'Write your message.';
    else if (values.body.length > TICKET_MESSAGE_MAX) errors.body = 'The message is too long.';
    const { links, error: linksError } = linksField(values.links);
    if (linksError) errors.links = linksError;
    if (Object.keys(errors).length) return invalid(errors, { intent, values });
    try {
      const message = await api.tickets.reply(caller, id, values.body, links);
      return redirect(`/tickets/${id}?sent=1#message-${message.id}`);
    } catch (error) {
      await signOutIfUnauthenticated(error, request, session);
      return failure(error, { intent, values });
    }
  }
  if (intent === 'close') {
    try {
      await api.tickets.close(caller, id);
      return redirect(`/tickets/${id}?closed=1`);
    } catch (error) {
      await signOutIfUnauthenticated(error, request, session);
      return failure(error, { intent });
    }
  }
  return refuse('That form is not known here. Reload the page and try again.', { intent });
}

export default function TicketThread() {
  const { ticket, messages, doneText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const replyFailed = failureFor(result, 'reply');
  const state = TICKET_STATES[ticket.status];
  return (
    <div className="page medium">
      <p className="back-link">
        <Link to="/tickets">
          <span aria-hidden="true">← </span>All tickets
        </Link>
      </p>
      <h1 className="break">{ticket.subject}</h1>
      <p className="item-meta">
        <span className={state.badge}>{state.label}</span>
        <span className="muted">
          To {ticket.to} · opened <time dateTime={ticket.isoOpened}>{ticket.openedText}</time>
        </span>
      </p>
      <FormStatus failure={failureFor(result, 'close')} success={doneText} />

      <section aria-labelledby="thread-heading" className="section">
        <h2 id="thread-heading" className="visually-hidden">
          Messages
        </h2>
        <ol className="thread">
          {messages.map((message) => (
            <li
              key={message.id}
              id={`message-${message.id}`}
              className={message.mine ? 'message message-mine' : 'message'}
            >
              <p className="message-head">
                <strong>{message.author}</strong>
                {message.role ? <span className="badge">{message.role}</span> : null}
                <time dateTime={message.iso} className="muted">
                  {message.whenText}
                </time>
              </p>
              <p className="note">{message.body}</p>
              {message.links.length ? (
                <ul className="message-links">
                  {message.links.map((link) => (
                    <li key={link}>
                      <a href={link} rel="noopener noreferrer nofollow ugc" className="break">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section id="reply" aria-labelledby="reply-heading" className="section">
        <h2 id="reply-heading">Reply</h2>
        {ticket.closed ? <p className="muted">This ticket is closed. Writing again opens it.</p> : null}
        {/* Keyed on the thread's length: a sent reply empties the form (with JavaScript too). */}
        <Form key={messages.length} method="post" className="stack card">
          <FormStatus failure={replyFailed} />
          <CsrfInput />
          <input type="hidden" name="intent" value="reply" />
          <TextAreaField name="body" label="Your message" rows={5} maxLength={TICKET_MESSAGE_MAX} required failure={replyFailed} />
          <TextAreaField
            name="links"
            label="Links (optional)"
            hint="One https:// address per line, at most 10."
            rows={2}
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            failure={replyFailed}
          />
          <SubmitButton intent="reply" pendingText="Sending…">
            Send reply
          </SubmitButton>
        </Form>
        {ticket.closed ? null : (
          <Form method="post" className="close-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="close" />
            <p className="muted small">Solved? Close the ticket so your mentor or the SRE team knows.</p>
            <SubmitButton intent="close" pendingText="Closing…" className="button button-secondary">
              Close ticket
            </SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}
