import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { ChoiceField, CsrfInput, Field, FormStatus, SubmitButton, TextAreaField } from '~/components/form';
import { api, type NewTicket } from '~/lib/api.server';
import { failureFor, TICKET_MESSAGE_MAX, TICKET_SUBJECT_MAX } from '~/lib/forms';
import { failure, idOf, invalid, linksField, valuesOf } from '~/lib/forms.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'New ticket · Student Portal' }];

const SRE = 'sre';
const mentorOption = (missionId: number) => `mentor-${missionId}`;

/** "Who is it for": my mentor on each mission where I have one (from the dashboard), or the SRE team. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, (caller) => api.me.dashboard(caller));
  const { user, data: dashboard } = page;
  const options = [
    ...dashboard.missions
      .filter((mission) => mission.mentors.length > 0)
      .map((mission) => ({
        value: mentorOption(mission.mission_id),
        label: `My mentor on ${mission.code}`,
        detail: `${mission.mentors.map((mentor) => mentor.name).join(', ')} · ${mission.title}`,
      })),
    { value: SRE, label: 'The SRE team', detail: 'Your account, enrolment, or anything else' },
  ];
  const restricted = Boolean(user.standing?.restricted);
  const asked = new URL(request.url).searchParams.get('to');
  const preset = options.find((option) => option.value === asked)?.value;
  return {
    options,
    defaultRecipient: preset ?? (restricted ? SRE : options[0].value),
    restricted,
    noMentor: options.length === 1,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const values = valuesOf(form, ['recipient', 'subject', 'body', 'links']);
  const errors: Record<string, string> = {};
  const missionId = idOf(/^mentor-(\d+)$/.exec(values.recipient)?.[1]);
  if (values.recipient !== SRE && !missionId) errors.recipient = 'Choose who the ticket is for.';
  if (!values.subject) errors.subject = 'Write a subject: a few words about what you need.';
  else if (values.subject.length > TICKET_SUBJECT_MAX) errors.subject = `Keep the subject under ${TICKET_SUBJECT_MAX} characters.`;
  if (!values.body) errors.body = 'Write your message.';
  else if (values.body.length > TICKET_MESSAGE_MAX) errors.body = 'The message is too long.';
  const { links, error: linksError } = linksField(values.links);
  if (linksError) errors.links = linksError;
  if (Object.keys(errors).length) return invalid(errors, { values });

  const ticket: NewTicket = {
    recipient: missionId ? 'mentor' : 'sre',
    mission_id: missionId || null,
    subject: values.subject,
    body: values.body,
    links,
  };
  let id: number;
  try {
    ({ id } = await api.tickets.create(caller, ticket));
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { values, fieldMap: { mission_id: 'recipient' } });
  }
  return redirect(`/tickets/${id}?created=1`);
}

export default function NewTicketPage() {
  const { options, defaultRecipient, restricted, noMentor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = failureFor(result);
  return (
    <div className="page narrow">
      <p className="back-link">
        <Link to="/tickets">
          <span aria-hidden="true">← </span>All tickets
        </Link>
      </p>
      <h1>New ticket</h1>
      <Form method="post" className="stack">
        <FormStatus failure={failed} />
        <CsrfInput />
        <ChoiceField
          name="recipient"
          legend="Who is it for?"
          options={options}
          defaultValue={defaultRecipient}
          hint={
            restricted
              ? 'Your account is restricted, so tickets to mentors are unavailable. The SRE team can help.'
              : noMentor
                ? 'You have no mentor on a mission yet, so the SRE team answers.'
                : undefined
          }
          failure={failed}
        />
        <Field name="subject" label="Subject" maxLength={TICKET_SUBJECT_MAX} required autoComplete="off" failure={failed} />
        <TextAreaField name="body" label="Message" rows={7} maxLength={TICKET_MESSAGE_MAX} required failure={failed} />
        <TextAreaField
          name="links"
          label="Links (optional)"
          hint="Your code, a screenshot or a document: one https:// address per line, at most 10."
          rows={3}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          failure={failed}
        />
        <SubmitButton pendingText="Sending…">Send ticket</SubmitButton>
      </Form>
    </div>
  );
}
