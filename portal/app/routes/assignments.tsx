import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { DeadlineBadge, ZoneNote } from '~/components/engagement';
import { api, apiList, type AssignmentRow, type MissionRow, type SubmissionRow } from '~/lib/api.server';
import { formatWhen, plural, signed } from '~/lib/format.server';
import { deadlineView, loadStudentPage } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'Assignments · Student Portal' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => {
    const [dashboard, assignments, submissions, missions] = await Promise.all([
      api.me.dashboard(caller),
      apiList<AssignmentRow>(caller, 'assignments', { sort: ['deadline', 'ASC'], range: [0, 999] }),
      apiList<SubmissionRow>(caller, 'submissions', { sort: ['submitted_at', 'DESC'], range: [0, 999] }),
      apiList<MissionRow>(caller, 'missions', { sort: ['starts_on', 'ASC'], range: [0, 199] }),
    ]);
    return { dashboard, assignments: assignments.rows, submissions: submissions.rows, missions: missions.rows };
  });
  const { zone } = page;

  const { dashboard, assignments, submissions, missions } = page.data;
  const now = new Date();
  const submissionOf = new Map(submissions.map((submission) => [submission.assignment_id, submission]));
  const ruleOf = new Map(missions.map((mission) => [mission.id, mission]));

  return {
    zone,
    view: {
      missions: dashboard.missions.map((mission) => {
        const rule = ruleOf.get(mission.mission_id);
        const rows = assignments
          .filter((assignment) => assignment.mission_id === mission.mission_id)
          .map((assignment) => {
            const submission = submissionOf.get(assignment.id);
            const deadline = deadlineView(assignment, submission?.status ?? null, zone, now);
            const onTime = assignment.points_on_time ?? rule?.points_on_time ?? null;
            const late = assignment.points_late ?? rule?.points_late ?? null;
            const earned = submission ? (submission.points ?? 0) : null;
            return {
              ...deadline,
              submittedText: submission ? `Submitted ${formatWhen(submission.submitted_at, zone, now, true)}` : null,
              gradeText: submission?.grade != null ? `Grade ${submission.grade}/100` : null,
              earned,
              pointsText:
                earned !== null
                  ? `${signed(earned)} ${earned === 1 ? 'point' : 'points'}`
                  : deadline.state === 'missing'
                    ? late !== null
                      ? `0 points · still worth ${late} if recorded late`
                      : '0 points'
                    : onTime !== null
                      ? `Worth ${onTime} on time${late !== null ? `, ${late} late` : ''}`
                      : null,
            };
          });
        const count = (state: string) => rows.filter((row) => row.state === state).length;
        const earned = rows.reduce((sum, row) => sum + (row.earned ?? 0), 0);
        return {
          id: mission.mission_id,
          code: mission.code,
          title: mission.title,
          rows,
          summary: [
            { key: 'on_time', count: count('on_time'), text: `${count('on_time')} on time` },
            { key: 'late', count: count('late'), text: `${count('late')} late` },
            { key: 'missing', count: count('missing'), text: `${count('missing')} missing` },
            { key: 'due', count: count('due'), text: `${count('due')} still due` },
          ],
          earnedText: `${plural(earned, 'point')} from assignments`,
        };
      }),
    },
  };
}

export default function Assignments() {
  const { zone, view } = useLoaderData<typeof loader>();

  return (
    <div className="page">
      <h1>Assignments</h1>
      <p className="lead">
        You hand in work on the learning platform; the SRE team records it here. On time or late is decided by the
        deadline.
      </p>
      {view.missions.length === 0 ? <p className="panel muted">You are not enrolled in a mission yet.</p> : null}
      {view.missions.map((mission) => (
        <section key={mission.id} id={`mission-${mission.id}`} aria-labelledby={`mission-${mission.id}-title`} className="section">
          <h2 id={`mission-${mission.id}-title`}>
            {mission.code} · {mission.title}
          </h2>
          {mission.rows.length === 0 ? (
            <p className="panel muted">No assignments in this mission yet.</p>
          ) : (
            <>
              <p className="summary-line">
                {mission.summary.map((part) => (
                  <span key={part.key} className={part.count ? `tally tally-${part.key}` : 'tally'}>
                    {part.text}
                  </span>
                ))}
                <strong className="tally">{mission.earnedText}</strong>
              </p>
              <ul className="card-list">
                {mission.rows.map((row) => (
                  <li key={row.id} className={`card assignment assignment-${row.state}`}>
                    <div className="card-head">
                      <h3 className="item-title">
                        Assignment {row.number}: {row.title}
                      </h3>
                      <DeadlineBadge state={row.state} text={row.stateText} />
                    </div>
                    <p className="item-meta">
                      <span>
                        Deadline <time dateTime={row.isoDeadline}>{row.dueText}</time>
                        <span className="muted"> · {row.distanceText}</span>
                      </span>
                    </p>
                    {row.submittedText || row.gradeText ? (
                      <p className="item-meta muted">{[row.submittedText, row.gradeText].filter(Boolean).join(' · ')}</p>
                    ) : null}
                    {row.pointsText ? (
                      <p className={row.earned ? 'item-meta points-earned' : 'item-meta muted'}>{row.pointsText}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <ZoneNote zone={zone} />
    </div>
  );
}
