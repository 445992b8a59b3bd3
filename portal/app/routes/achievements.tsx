import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { apiList, type AchievementRow, type CertificateRow, type ShoutoutRow } from '~/lib/api.server';
import { formatLongDay } from '~/lib/format.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'Achievements · Student Portal' }];

const SHOUTOUT: Record<ShoutoutRow['badge'], { icon: string; label: string }> = {
  // Symbols every phone font has (emoji fonts are not everywhere).
  helpful: { icon: '♥', label: 'Helpful' },
  great_progress: { icon: '★', label: 'Great progress' },
  consistent: { icon: '✓', label: 'Consistent' },
  creative: { icon: '✦', label: 'Creative' },
  team_player: { icon: '♣', label: 'Team player' },
  comeback: { icon: '↑', label: 'Comeback' },
};

/** Badges earned per mission, shout-outs from mentors, and completion certificates to download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => {
    const [achievements, shoutouts, certificates] = await Promise.all([
      apiList<AchievementRow>(caller, 'student_achievements', { range: [0, 99] }),
      apiList<ShoutoutRow>(caller, 'shoutouts', { range: [0, 99] }),
      apiList<CertificateRow>(caller, 'certificates', { range: [0, 99] }),
    ]);
    return { achievements: achievements.rows, shoutouts: shoutouts.rows, certificates: certificates.rows };
  });
  const { achievements, shoutouts, certificates } = page.data;
  return {
    missions: achievements.map((row) => ({
      id: row.id,
      name: `${row.mission_code} · ${row.mission_title}`,
      longest: row.longest_streak,
      badges: [
        row.streak_30 ? { icon: '★★', label: '30-day streak' } : row.streak_7 ? { icon: '★', label: '7-day streak' } : null,
        row.all_on_time ? { icon: '✓', label: 'Every assignment on time' } : null,
      ].filter((badge): badge is { icon: string; label: string } => badge !== null),
      next: row.streak_30 ? null : row.streak_7 ? `${30 - row.longest_streak} more days in a row for the 30-day streak` : `${7 - row.longest_streak} more days in a row for the 7-day streak`,
    })),
    shoutouts: shoutouts.map((row) => ({ ...SHOUTOUT[row.badge], id: row.id, message: row.message, from: row.giver_name, mission: row.mission_code, when: formatLongDay(row.created_at.slice(0, 10)) })),
    certificates: certificates.map((row) => ({ id: row.id, title: row.mission_title, batch: row.batch_code, points: row.points, code: row.code, when: formatLongDay(row.issued_at.slice(0, 10)) })),
  };
}

export default function Achievements() {
  const { missions, shoutouts, certificates } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Achievements</h1>

      <section className="section" aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">Certificates</h2>
        {certificates.length === 0 ? (
          <p className="panel muted">When you complete a mission, its certificate appears here to download.</p>
        ) : (
          <ul className="card-list">
            {certificates.map((certificate) => (
              <li key={certificate.id} className="card">
                <h3 className="item-title">{certificate.title}</h3>
                <p className="item-meta">
                  Batch {certificate.batch} · {certificate.points} points · {certificate.when}
                </p>
                <p>
                  <a className="button" href={`/achievements/certificates/${certificate.id}`} download>
                    Download certificate (PDF)
                  </a>
                </p>
                <p className="muted">Verification code {certificate.code}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="badges-heading">
        <h2 id="badges-heading">Badges</h2>
        <ul className="card-list">
          {missions.map((mission) => (
            <li key={mission.id} className="card">
              <h3 className="item-title">{mission.name}</h3>
              {mission.badges.length ? (
                <p className="badge-row">
                  {mission.badges.map((badge) => (
                    <span key={badge.label} className="badge badge-good">
                      <span aria-hidden="true">{badge.icon} </span>
                      {badge.label}
                    </span>
                  ))}
                </p>
              ) : null}
              <p className="muted">
                Longest run of daily check-ins: {mission.longest} {mission.longest === 1 ? 'day' : 'days'}
                {mission.next ? ` · ${mission.next}` : ''}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="shoutouts-heading">
        <h2 id="shoutouts-heading">Shout-outs</h2>
        {shoutouts.length === 0 ? (
          <p className="panel muted">Shout-outs from your mentors will show here.</p>
        ) : (
          <ul className="card-list">
            {shoutouts.map((shoutout) => (
              <li key={shoutout.id} className="card">
                <h3 className="item-title">
                  <span aria-hidden="true">{shoutout.icon} </span>
                  {shoutout.label}
                </h3>
                {shoutout.message ? <p>“{shoutout.message}”</p> : null}
                <p className="item-meta">
                  {shoutout.from}
                  {shoutout.mission ? ` · ${shoutout.mission}` : ''} · {shoutout.when}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
