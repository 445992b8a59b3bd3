import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { revalidateAfterPost, VisuallyHidden } from '~/components/engagement';
import { CsrfInput, Field, FormStatus, SubmitButton, TextAreaField } from '~/components/form';
import { api, apiList, type FeatureRequestRow } from '~/lib/api.server';
import { formatWhen, plural } from '~/lib/format.server';
import { failureFor, type FormResult } from '~/lib/forms';
import { failure, field, idOf, invalid, refuse, valuesOf } from '~/lib/forms.server';
import { readStudentForm, signOutIfUnauthenticated } from '~/lib/session.server';
import { loadStudentPage } from '~/lib/student-page.server';
import { IDEA_STATES } from '~/lib/views';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction = () => [{ title: 'Ideas · Student Portal' }];

// API.md "feature_requests": a title up to 200 characters, a description up to 10,000.
const TITLE_MAX = 200;
const BODY_MAX = 10_000;
const SHOWN = 100;

const voteIntent = (id: number) => `vote-${id}`;

/** The board, most votes first, with my votes (`GET /me/feature_request_votes`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => {
    const [ideas, votes] = await Promise.all([
      apiList<FeatureRequestRow>(caller, 'feature_requests', { sort: ['vote_count', 'DESC'], range: [0, SHOWN - 1] }),
      api.me.featureRequestVotes(caller),
    ]);
    return { ideas, votes };
  });
  const { user, zone, data } = page;
  const voted = new Set(data.votes);
  const now = new Date();
  const added = idOf(new URL(request.url).searchParams.get('added') ?? '');
  return {
    ideas: data.ideas.rows.map((idea) => ({
      id: idea.id,
      title: idea.title,
      body: idea.body?.trim() || null,
      status: idea.status,
      reply: idea.public_reply?.trim() || null,
      votes: idea.vote_count,
      votesText: plural(idea.vote_count, 'vote'),
      voted: voted.has(idea.id),
      byText: idea.author_id === user.id ? 'You' : idea.author_name,
      whenText: formatWhen(idea.created_at, zone, now, true),
      iso: idea.created_at,
    })),
    addedId: added,
    shownText: data.ideas.total > data.ideas.rows.length ? `The ${SHOWN} ideas with the most votes, of ${data.ideas.total}.` : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readStudentForm(request, context);
  if (!submitted.ok) return submitted.response;
  const { form, session, caller } = submitted;
  const intent = field(form, 'intent');

  if (intent === 'idea') {
    const values = valuesOf(form, ['title', 'body']);
    const errors: Record<string, string> = {};
    if (!values.title) errors.title = 'Give your idea a title.';
    else if (values.title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters.`;
    if (values.body.length > BODY_MAX) errors.body = `Keep the description under ${BODY_MAX.toLocaleString('en-GB')} characters.`;
    if (Object.keys(errors).length) return invalid(errors, { intent, values });
    try {
      const idea = await api.featureRequests.create(caller, { title: values.title, body: values.body });
      return redirect(`/ideas?added=${idea.id}#idea-${idea.id}`);
    } catch (error) {
      await signOutIfUnauthenticated(error, request, session);
      return failure(error, { intent, values });
    }
  }

  // Upvote or take it back: without JavaScript a form can only POST, so the button says which.
  const id = idOf(field(form, 'id'));
  const vote = field(form, 'vote');
  if (!id || (vote !== 'up' && vote !== 'back')) return refuse('Choose an idea to vote on.', { intent });
  try {
    await api.featureRequests.vote(caller, id, vote === 'up');
  } catch (error) {
    await signOutIfUnauthenticated(error, request, session);
    return failure(error, { intent: voteIntent(id) });
  }
  return redirect(`/ideas#idea-${id}`);
}

type Idea = ReturnType<typeof useLoaderData<typeof loader>>['ideas'][number];

function VoteForm({ idea }: { idea: Idea }) {
  return (
    <Form method="post" className="vote-form" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value={voteIntent(idea.id)} />
      <input type="hidden" name="id" value={idea.id} />
      <input type="hidden" name="vote" value={idea.voted ? 'back' : 'up'} />
      <button type="submit" className="vote-button" aria-pressed={idea.voted}>
        <span className="vote-arrow" aria-hidden="true">
          ▲
        </span>
        <span className="vote-count" aria-hidden="true">
          {idea.votes}
        </span>
        <VisuallyHidden>
          Upvote “{idea.title}” ({idea.votesText})
        </VisuallyHidden>
      </button>
    </Form>
  );
}

function IdeaCard({ idea, result, added }: { idea: Idea; result?: FormResult; added: boolean }) {
  const state = IDEA_STATES[idea.status];
  return (
    <li id={`idea-${idea.id}`} className="card idea-card">
      <VoteForm idea={idea} />
      <div className="idea-main">
        <h3 className="item-title">{idea.title}</h3>
        <p className="item-meta">
          <span className={state.badge}>{state.label}</span>
          <span className="muted small">
            {idea.byText} · <time dateTime={idea.iso}>{idea.whenText}</time>
          </span>
        </p>
        <FormStatus
          failure={failureFor(result, voteIntent(idea.id))}
          success={added ? 'Thanks! Your idea is on the board. Others can vote for it now.' : null}
        />
        {idea.body ? <p className="note">{idea.body}</p> : null}
        {idea.reply ? (
          <div className="decision">
            <p className="item-meta">
              <strong>Reply from the school</strong>
            </p>
            <p className="note">{idea.reply}</p>
          </div>
        ) : null}
        {idea.voted ? <p className="muted small">You upvoted this. Tap the arrow again to take your vote back.</p> : null}
      </div>
    </li>
  );
}

export default function Ideas() {
  const { ideas, addedId, shownText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const ideaFailed = failureFor(result, 'idea');
  return (
    <div className="page">
      <h1>Ideas</h1>
      <p className="lead">
        How could the portal or the school work better for you? Upvote the ideas you want most; the school reviews them
        and replies here. <a href="#new-idea">Suggest an idea</a>
      </p>

      <section aria-labelledby="board-heading" className="section">
        <h2 id="board-heading">Most wanted</h2>
        {ideas.length === 0 ? (
          <p className="panel muted">No ideas yet. Be the first to suggest one.</p>
        ) : (
          <ul className="card-list">
            {ideas.map((idea) => (
              <IdeaCard key={idea.id} idea={idea} result={result} added={idea.id === addedId} />
            ))}
          </ul>
        )}
        {shownText ? <p className="muted small">{shownText}</p> : null}
      </section>

      <section id="new-idea" aria-labelledby="new-idea-heading" className="section">
        <h2 id="new-idea-heading">Suggest an idea</h2>
        {/* Keyed on the board's size: a sent idea empties the form (with JavaScript too). */}
        <Form key={ideas.length} method="post" className="stack card">
          <FormStatus failure={ideaFailed} />
          <CsrfInput />
          <input type="hidden" name="intent" value="idea" />
          <Field name="title" label="Your idea in a few words" maxLength={TITLE_MAX} required autoComplete="off" failure={ideaFailed} />
          <TextAreaField
            name="body"
            label="Details (optional)"
            hint="What would it change for you?"
            rows={4}
            maxLength={BODY_MAX}
            failure={ideaFailed}
          />
          <SubmitButton intent="idea" pendingText="Sending…">
            Send idea
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
