import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { MissionCard, ZoneNote } from '~/components/engagement';
import {
  api,
  apiList,
  type BatchEnrolmentRow,
  type BatchRow,
  type MeetingRow,
  type MissionEnrolmentRow,
  type MissionResourceRow,
  type MissionRow,
  isApiError,
} from '~/lib/api.server';
import { formatLongDay, plural, statusLabel } from '~/lib/format.server';
import { loadStudentPage, meetingView } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'Missions · Student Portal' }];

const DAY_MS = 24 * 60 * 60 * 1000;

const fileSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Meetings last at most 10 hours (API.md), so anything that started within a day may still be on.
  const since = new Date(Date.now() - DAY_MS).toISOString();
  const page = await loadStudentPage(request, context, async (caller) => {
    const [dashboard, missionEnrolments, missions, batchEnrolments, batches, meetings] = await Promise.all([
      api.me.dashboard(caller),
      apiList<MissionEnrolmentRow>(caller, 'mission_enrolments', { sort: ['mission_id', 'ASC'], range: [0, 199] }),
      apiList<MissionRow>(caller, 'missions', { sort: ['starts_on', 'ASC'], range: [0, 199] }),
      apiList<BatchEnrolmentRow>(caller, 'batch_enrolments', { sort: ['batch_id', 'ASC'], range: [0, 99] }),
      apiList<BatchRow>(caller, 'batches', { sort: ['starts_on', 'DESC'], range: [0, 99] }),
      apiList<MeetingRow>(caller, 'meetings', {
        filter: { starts_at_gte: since },
        sort: ['starts_at', 'ASC'],
        range: [0, 199],
      }),
    ]);
    // A restricted student may not open mentorship resources; the rest of the page still shows.
    const resources = await apiList<MissionResourceRow>(caller, 'mission_resources', { sort: ['position', 'ASC'], range: [0, 499] }).then(
      (list) => list.rows,
      (error: unknown) => {
        if (isApiError(error) && error.status === 403) return null;
        throw error;
      },
    );
    return {
      dashboard,
      missionEnrolments: missionEnrolments.rows,
      missions: missions.rows,
      batchEnrolments: batchEnrolments.rows,
      batches: batches.rows,
      meetings: meetings.rows,
      resources,
    };
  });
  const { zone } = page;

  const { dashboard, missionEnrolments, missions, batchEnrolments, batches, meetings, resources } = page.data;
  const now = new Date();
  const missionById = new Map(missions.map((mission) => [mission.id, mission]));
  const batchById = new Map(batches.map((batch) => [batch.id, batch]));
  const mentorsOf = new Map(dashboard.missions.map((mission) => [mission.mission_id, mission.mentors]));
  // The dashboard knows which of the next meetings I am checked in to.
  const attended = new Set(dashboard.upcoming_meetings.filter((meeting) => meeting.attended).map((meeting) => meeting.id));
  const upcoming = meetings
    .map((meeting) => meetingView(meeting, attended.has(meeting.id), zone, now))
    .filter((meeting) => meeting.window !== 'ended');
  const meetingMission = new Map(meetings.map((meeting) => [meeting.id, meeting.mission_id]));

  const dates = (from: string, to: string) => `${formatLongDay(from)} – ${formatLongDay(to)}`;

  return {
    zone,
    view: {
      batches: batchEnrolments.map((enrolment) => {
        const batch = batchById.get(enrolment.batch_id);
        return {
          id: enrolment.id,
          code: enrolment.batch_code,
          title: enrolment.batch_title,
          status: batch?.status ?? null,
          statusLabel: batch ? statusLabel(batch.status) : null,
          datesText: batch ? dates(batch.starts_on, batch.ends_on) : null,
          timezone: batch?.timezone ?? null,
          enrolmentStatus: enrolment.status,
          enrolmentLabel: statusLabel(enrolment.status),
        };
      }),
      missions: missionEnrolments.map((enrolment) => {
        const mission = missionById.get(enrolment.mission_id);
        const status = mission?.status ?? enrolment.mission_status;
        return {
          id: enrolment.mission_id,
          code: enrolment.mission_code,
          title: enrolment.mission_title,
          batchCode: mission?.batch_code ?? null,
          description: mission?.description?.trim() || null,
          guidelinesHtml: mission?.guidelines_html?.trim() || null,
          status,
          statusLabel: statusLabel(status),
          datesText: mission ? dates(mission.starts_on, mission.ends_on) : null,
          enrolmentStatus: enrolment.status,
          enrolmentLabel: statusLabel(enrolment.status),
          pointsText: mission
            ? `${plural(mission.points_attendance, 'point')} per day attended, ${mission.points_meeting} per meeting, ` +
              `${mission.points_on_time} per assignment on time (${mission.points_late} if late)`
            : null,
          mentors: (mentorsOf.get(enrolment.mission_id) ?? []).map((mentor) => ({
            id: mentor.id,
            name: mentor.name,
            email: mentor.email,
            phone: mentor.phone,
          })),
          meetings: upcoming.filter((meeting) => meetingMission.get(meeting.id) === enrolment.mission_id).slice(0, 5),
          resources:
            resources === null
              ? null
              : resources
                  .filter((resource) => resource.mission_id === enrolment.mission_id)
                  .map((resource) => ({
                    id: resource.id,
                    title: resource.title,
                    description: resource.description,
                    href: resource.kind === 'link' ? resource.url! : `/missions/resources/${resource.id}`,
                    external: resource.kind === 'link',
                    sizeText: resource.kind === 'file' ? fileSize(Number(resource.file_size)) : null,
                  })),
        };
      }),
    },
  };
}

export default function Missions() {
  const { zone, view } = useLoaderData<typeof loader>();

  return (
    <div className="page">
      <h1>Missions</h1>

      <section aria-labelledby="batches-heading" className="section">
        <h2 id="batches-heading">My batches</h2>
        {view.batches.length === 0 ? (
          <p className="panel muted">You are not in a batch yet.</p>
        ) : (
          <ul className="card-list">
            {view.batches.map((batch) => (
              <li key={batch.id} className="card">
                <div className="card-head">
                  <h3>
                    {batch.code} · {batch.title}
                  </h3>
                  {batch.statusLabel ? (
                    <span className={batch.status === 'active' ? 'badge badge-good' : 'badge'}>{batch.statusLabel}</span>
                  ) : null}
                </div>
                <dl className="facts">
                  {batch.datesText ? (
                    <div>
                      <dt>Dates</dt>
                      <dd>{batch.datesText}</dd>
                    </div>
                  ) : null}
                  {batch.timezone ? (
                    <div>
                      <dt>Time zone</dt>
                      <dd>{batch.timezone}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>My place</dt>
                    <dd>{batch.enrolmentLabel}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="missions-heading" className="section">
        <h2 id="missions-heading">My missions</h2>
        {view.missions.length === 0 ? (
          <p className="panel muted">You are not enrolled in a mission yet.</p>
        ) : (
          <div className="mission-grid">
            {view.missions.map((mission) => (
              <MissionCard key={mission.id} mission={mission}>
                {mission.description ? <p>{mission.description}</p> : null}
                <dl className="facts">
                  {mission.batchCode ? (
                    <div>
                      <dt>Batch</dt>
                      <dd>{mission.batchCode}</dd>
                    </div>
                  ) : null}
                  {mission.datesText ? (
                    <div>
                      <dt>Dates</dt>
                      <dd>{mission.datesText}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>My enrolment</dt>
                    <dd>{mission.enrolmentLabel}</dd>
                  </div>
                  {mission.pointsText ? (
                    <div>
                      <dt>Points</dt>
                      <dd>{mission.pointsText}</dd>
                    </div>
                  ) : null}
                </dl>

                {mission.guidelinesHtml ? (
                  <>
                    <h4 className="subhead">Guidelines</h4>
                    {/* Sanitised by the API (core/markdown.ts), like notices. */}
                    <div className="guidelines" dangerouslySetInnerHTML={{ __html: mission.guidelinesHtml }} />
                  </>
                ) : null}

                <h4 className="subhead">{mission.mentors.length === 1 ? 'My mentor' : 'My mentors'}</h4>
                {mission.mentors.length === 0 ? (
                  <p className="muted">No mentor yet. The SRE team pairs you with one soon.</p>
                ) : (
                  <ul className="plain-list">
                    {mission.mentors.map((mentor) => (
                      <li key={mentor.id} className="contact">
                        <strong>{mentor.name}</strong>
                        <a href={`mailto:${mentor.email}`}>{mentor.email}</a>
                        {mentor.phone ? <a href={`tel:${mentor.phone.replace(/[^+\d]/g, '')}`}>{mentor.phone}</a> : null}
                      </li>
                    ))}
                  </ul>
                )}

                <h4 className="subhead">Meetings</h4>
                {mission.meetings.length === 0 ? (
                  <p className="muted">No meetings scheduled.</p>
                ) : (
                  <ul className="plain-list">
                    {mission.meetings.map((meeting) => (
                      <li key={meeting.id}>
                        <time dateTime={meeting.isoStart}>{meeting.whenText}</time> · {meeting.title}
                        {meeting.attended ? (
                          <>
                            {' '}
                            <span className="badge badge-good">Checked in</span>
                          </>
                        ) : meeting.window === 'open' ? (
                          <>
                            {' '}
                            <Link className="nowrap" to={`/meetings#meeting-${meeting.id}`}>
                              Check in
                            </Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
                <h4 className="subhead">Resources</h4>
                {mission.resources === null ? (
                  <p className="muted">Mission resources are closed to your account while it is restricted.</p>
                ) : mission.resources.length === 0 ? (
                  <p className="muted">No resources yet. Your mentors add links and files here.</p>
                ) : (
                  <ul className="plain-list">
                    {mission.resources.map((resource) => (
                      <li key={resource.id}>
                        {resource.external ? (
                          <a href={resource.href} rel="noopener noreferrer" target="_blank">
                            {resource.title}
                          </a>
                        ) : (
                          <a href={resource.href} download>
                            {resource.title}
                          </a>
                        )}
                        {resource.sizeText ? <span className="muted"> · {resource.sizeText}</span> : null}
                        {resource.description ? <span className="muted"> · {resource.description}</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </MissionCard>
            ))}
          </div>
        )}
      </section>
      <ZoneNote zone={zone} />
    </div>
  );
}
