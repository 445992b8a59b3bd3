import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import {
  AttendanceToday,
  MissionCard,
  DeadlineBadge,
  PointsProgress,
  VisuallyHidden,
  ZoneNote,
  revalidateAfterPost,
} from '~/components/engagement';
import { submitAttendance } from '~/lib/actions.server';
import { api } from '~/lib/api.server';
import { formatDay, statusLabel } from '~/lib/format.server';
import {
  attendanceToday,
  attendedParam,
  deadlineView,
  loadStudentPage,
  meetingView,
} from '~/lib/student-page.server';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction = () => [{ title: 'Dashboard · Student Portal' }];

/** One call for the page's data: `GET /me/dashboard` (API.md "Engagement"). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => ({
    dashboard: await api.me.dashboard(caller),
  }));
  const { user, zone } = page;
  const { dashboard } = page.data;
  const attended = attendedParam(request);
  const now = new Date();
  return {
    name: user.name,
    email: user.email,
    missingPhone: !user.phone,
    zone,
    view: {
      missions: dashboard.missions.map((mission) => ({
        id: mission.mission_id,
        code: mission.code,
        title: mission.title,
        batchCode: mission.batch_code,
        status: mission.status,
        statusLabel: statusLabel(mission.status),
        points: mission.points,
        possible: mission.possible,
        rank: `#${mission.rank}`,
        rankOf: `of ${mission.enrolled_count.toLocaleString('en-GB')}`,
        streak: mission.attendance.streak,
        attendance: attendanceToday(mission, attended, formatDay(mission.today)),
      })),
      meetings: dashboard.upcoming_meetings.map((meeting) => meetingView(meeting, meeting.attended, zone, now)),
      deadlines: dashboard.deadlines.map((deadline) =>
        deadlineView(deadline, deadline.submission_status, zone, now),
      ),
    },
  };
}

export const action = ({ request, context }: ActionFunctionArgs) => submitAttendance(request, context, '/dashboard');

export default function Dashboard() {
  const { name, email, missingPhone, zone, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Welcome, {name}</h1>
      <p className="lead">Signed in as {email}</p>

      {missingPhone ? (
        <p className="notice notice-info">
          Add your phone number so your mentor and the SRE team can reach you.{' '}
          <Link to="/profile">Complete your profile</Link>
        </p>
      ) : null}

      <section aria-labelledby="missions-heading" className="section">
        <h2 id="missions-heading">Your missions</h2>
        {view.missions.length === 0 ? (
          <p className="panel muted">
            You are not enrolled in a mission yet. The SRE team enrols you when your batch starts.
          </p>
        ) : (
          <div className="mission-grid">
            {view.missions.map((mission) => (
              <MissionCard key={mission.id} mission={mission}>
                <dl className="stats">
                  <div>
                    <dt>Points</dt>
                    <dd>
                      <Link to={`/points#points-${mission.id}`}>
                        {mission.points}
                        <VisuallyHidden> points, see why</VisuallyHidden>
                      </Link>
                    </dd>
                  </div>
                  <div>
                    <dt>Rank</dt>
                    <dd>
                      {mission.rank} <span className="stat-unit">{mission.rankOf}</span>
                    </dd>
                  </div>
                  <div>
                    <dt>Streak</dt>
                    <dd>
                      {mission.streak} <span className="stat-unit">{mission.streak === 1 ? 'day' : 'days'}</span>
                    </dd>
                  </div>
                </dl>
                <PointsProgress id={`progress-${mission.id}`} points={mission.points} possible={mission.possible} />
                <h4 className="subhead">Today&apos;s attendance</h4>
                <AttendanceToday view={mission.attendance} result={result} />
              </MissionCard>
            ))}
          </div>
        )}
      </section>

      <div className="two-col">
        <section aria-labelledby="meetings-heading" className="section">
          <h2 id="meetings-heading">Upcoming meetings</h2>
          {view.meetings.length === 0 ? (
            <p className="panel muted">No meetings scheduled. Your mentor will add them here.</p>
          ) : (
            <ul className="item-list">
              {view.meetings.map((meeting) => (
                <li key={meeting.id} className="item">
                  <p className="item-title">
                    {meeting.title} <span className="muted">· {meeting.missionCode}</span>
                  </p>
                  <p className="item-meta">
                    <time dateTime={meeting.isoStart}>{meeting.whenText}</time>
                    {meeting.requiresCode ? <span className="badge">Code needed</span> : null}
                  </p>
                  <p className="item-meta">
                    {meeting.attended ? (
                      <span className="badge badge-good">Checked in</span>
                    ) : meeting.window === 'open' ? (
                      <Link className="button button-small" to={`/meetings#meeting-${meeting.id}`}>
                        Check in<VisuallyHidden> to {meeting.title}</VisuallyHidden>
                      </Link>
                    ) : (
                      <span className="muted">{meeting.windowText}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/meetings">All meetings</Link>
          </p>
        </section>

        <section aria-labelledby="deadlines-heading" className="section">
          <h2 id="deadlines-heading">Deadlines</h2>
          {view.deadlines.length === 0 ? (
            <p className="panel muted">No deadlines coming up.</p>
          ) : (
            <ul className="item-list">
              {view.deadlines.map((deadline) => (
                <li key={deadline.id} className="item">
                  <p className="item-title">
                    {deadline.missionCode} · Assignment {deadline.number}: {deadline.title}
                  </p>
                  <p className="item-meta">
                    <span>
                      Due <time dateTime={deadline.isoDeadline}>{deadline.dueText}</time>
                      <span className="muted"> · {deadline.distanceText}</span>
                    </span>
                  </p>
                  <p className="item-meta">
                    <DeadlineBadge state={deadline.state} text={deadline.stateText} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/assignments">All assignments</Link>
          </p>
        </section>
      </div>
      <ZoneNote zone={zone} />
    </div>
  );
}
