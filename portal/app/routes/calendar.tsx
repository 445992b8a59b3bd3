import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { ZoneNote } from '~/components/engagement';
import { CsrfInput, FormStatus, SubmitButton } from '~/components/form';
import { api, type CalendarEvent } from '~/lib/api.server';
import { failureFor } from '~/lib/forms';
import { failure, field, success } from '~/lib/forms.server';
import { loadStudentPage } from '~/lib/student-page.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Calendar · Student Portal' }];

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 35;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const KIND_LABEL: Record<CalendarEvent['kind'], string> = {
  meeting: 'Meeting',
  deadline: 'Deadline',
  attendance: 'Checked in',
  mission_start: 'Mission',
  mission_end: 'Mission',
};
const STATUS_LABEL: Record<string, string> = { on_time: 'Submitted on time', late: 'Submitted late', missing: 'Not submitted', attended: 'Attended' };

/** Five weeks from `from` (default: a week ago), grouped by my local day. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const requested = new URL(request.url).searchParams.get('from') ?? '';
  const from = DATE.test(requested) && !Number.isNaN(Date.parse(requested)) ? requested : isoDay(Date.now() - 7 * DAY_MS);
  const to = isoDay(Date.parse(from) + (WINDOW_DAYS - 1) * DAY_MS);
  const page = await loadStudentPage(request, context, (caller) => api.calendar.events(caller, from, to));
  const days = new Map<string, CalendarEvent[]>();
  for (const event of page.data.events) days.set(event.day, [...(days.get(event.day) ?? []), event]);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: page.zone }).format(new Date());
  // Today always has its place in the agenda, even with nothing on it.
  if (today >= from && today <= to && !days.has(today)) days.set(today, []);
  const label = (day: string) =>
    new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return {
    zone: page.zone,
    from,
    to,
    rangeText: `${label(from)} – ${label(to)}`,
    earlier: isoDay(Date.parse(from) - WINDOW_DAYS * DAY_MS),
    later: isoDay(Date.parse(from) + WINDOW_DAYS * DAY_MS),
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, events]) => ({ day, label: label(day), isToday: day === today, isPast: day < today, events })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const intent = field(form, 'intent') === 'stop' ? 'stop' : 'feed';
  try {
    if (intent === 'stop') {
      await api.calendar.stopFeed(caller);
      return success('Your calendar link is turned off. Calendars that used it stop updating.', { intent });
    }
    const { url } = await api.calendar.newFeed(caller);
    return success('Here is your private calendar link. Any earlier link has stopped working.', { intent, values: { url } });
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent });
  }
}

function EventItem({ event }: { event: CalendarEvent }) {
  const status = event.status ? STATUS_LABEL[event.status] : null;
  return (
    <li className={`calendar-event calendar-${event.kind}`}>
      <span className="calendar-time">{event.time ?? 'All day'}</span>
      <span className="calendar-what">
        <span className="badge">{KIND_LABEL[event.kind]}</span> {event.title}
        <span className="muted"> · {event.mission_code}</span>
        {status ? <span className={`badge ${event.status === 'missing' ? 'badge-bad' : ''}`}> {status}</span> : null}
      </span>
    </li>
  );
}

export default function Calendar() {
  const { zone, days, rangeText, earlier, later } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const feedUrl = result?.ok && result.intent === 'feed' ? result.values?.url : null;
  return (
    <div className="page">
      <h1>Calendar</h1>
      <p className="lead">Meetings, assignment deadlines and the days you checked in, in your time zone.</p>
      <nav className="pager" aria-label="Calendar weeks">
        <Link to={`?from=${earlier}`} rel="prev">
          ← Earlier
        </Link>
        <span>{rangeText}</span>
        <Link to={`?from=${later}`} rel="next">
          Later →
        </Link>
      </nav>
      {days.length ? (
        <ol className="calendar">
          {days.map((day) => (
            <li key={day.day} className={`card calendar-day${day.isToday ? ' calendar-today' : ''}${day.isPast ? ' calendar-past' : ''}`}>
              <h2 className="item-title">
                <time dateTime={day.day}>{day.label}</time>
                {day.isToday ? <span className="badge"> Today</span> : null}
              </h2>
              {day.events.length ? (
                <ul className="calendar-events">
                  {day.events.map((event) => (
                    <EventItem key={event.uid} event={event} />
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing scheduled today.</p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="panel muted">Nothing on your calendar in these weeks.</p>
      )}
      <section className="section" aria-labelledby="feed-heading">
        <h2 id="feed-heading">In your own calendar app</h2>
        <p>
          Get a private link to add in Google Calendar (“From URL”) or Outlook (“Subscribe from web”): your meetings and
          deadlines appear there and stay up to date. Anyone with the link can see them, so keep it to yourself.
        </p>
        <FormStatus failure={failureFor(result)} success={result?.ok ? result.message : null} />
        {feedUrl ? (
          <p>
            <label htmlFor="feed-url">Your calendar link</label>
            <input id="feed-url" className="feed-url" readOnly value={feedUrl} onFocus={(event) => event.currentTarget.select()} />
          </p>
        ) : null}
        <div className="button-row">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="feed" />
            <SubmitButton intent="feed" pendingText="Making a link…">
              {feedUrl ? 'Make a new link' : 'Get my calendar link'}
            </SubmitButton>
          </Form>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="stop" />
            <SubmitButton intent="stop" pendingText="Turning off…" className="button button-secondary">
              Turn the link off
            </SubmitButton>
          </Form>
        </div>
      </section>
      <ZoneNote zone={zone} />
    </div>
  );
}
