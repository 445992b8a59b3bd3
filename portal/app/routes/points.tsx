import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { PointsProgress, ZoneNote } from '~/components/engagement';
import { api, apiList, type LedgerRow, type PointsReason } from '~/lib/api.server';
import { dayKey, formatDay, plural, signed } from '~/lib/format.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'Points · Student Portal' }];

const LEDGER_ROWS = 500;

const REASON_GROUPS: { key: string; label: string; reasons: PointsReason[] }[] = [
  { key: 'attendance', label: 'Daily attendance', reasons: ['attendance'] },
  { key: 'meeting', label: 'Meetings', reasons: ['meeting'] },
  { key: 'assignments', label: 'Assignments', reasons: ['submission_on_time', 'submission_late'] },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => {
    const dashboard = await api.me.dashboard(caller);
    // Each mission's ledger (own rows only), newest first.
    const ledgers = await Promise.all(
      dashboard.missions.map((mission) =>
        apiList<LedgerRow>(caller, 'points_ledger', {
          filter: { mission_id: mission.mission_id },
          sort: ['awarded_at', 'DESC'],
          range: [0, LEDGER_ROWS - 1],
        }),
      ),
    );
    return { dashboard, ledgers };
  });
  const { zone } = page;

  const { dashboard, ledgers } = page.data;
  const thisYear = dayKey(new Date(), zone).slice(0, 4);
  const missions = dashboard.missions.map((mission, index) => {
    const ledger = ledgers[index];
    const rows = ledger.rows.map((row) => ({
      id: row.id,
      dayText: formatDay(dayKey(row.awarded_at, zone), thisYear),
      iso: row.awarded_at,
      description: row.description,
      points: row.points,
      pointsText: signed(row.points),
    }));
    const listed = ledger.rows.reduce((sum, row) => sum + row.points, 0);
    const groups = REASON_GROUPS.map((group) => {
      const matching = ledger.rows.filter((row) => group.reasons.includes(row.reason));
      return {
        key: group.key,
        label: group.label,
        points: matching.reduce((sum, row) => sum + row.points, 0),
        countText: plural(matching.length, 'award'),
      };
    });
    // Only when the ledger is longer than one page: what the older, unlisted awards add up to.
    const earlier = ledger.total > ledger.rows.length ? mission.points - listed : 0;
    return {
      id: mission.mission_id,
      code: mission.code,
      title: mission.title,
      total: mission.points,
      totalText: plural(mission.points, 'point'),
      possible: mission.possible,
      rankText: `#${mission.rank} of ${mission.enrolled_count.toLocaleString('en-GB')}`,
      rows,
      groups,
      earlier,
      earlierPointsText: signed(earlier),
      earlierText:
        ledger.total > ledger.rows.length
          ? `${plural(ledger.total - ledger.rows.length, 'earlier award')} not listed here`
          : null,
      /** The listed awards plus any earlier ones must equal the total the API gives. */
      addsUp: listed + earlier === mission.points,
    };
  });
  return { zone, view: { missions } };
}

export default function Points() {
  const { zone, view } = useLoaderData<typeof loader>();

  return (
    <div className="page">
      <h1>Points</h1>
      <p className="lead">Every point comes from one award below: a day&apos;s attendance, a meeting, or an assignment.</p>

      {view.missions.length > 1 ? (
        <nav aria-label="Missions on this page" className="jump-links">
          {view.missions.map((mission) => (
            <a key={mission.id} href={`#points-${mission.id}`}>
              {mission.code}: {mission.totalText}
            </a>
          ))}
        </nav>
      ) : null}

      {view.missions.length === 0 ? <p className="panel muted">You are not enrolled in a mission yet.</p> : null}

      {view.missions.map((mission) => (
        <section
          key={mission.id}
          id={`points-${mission.id}`}
          aria-labelledby={`points-${mission.id}-title`}
          className="section panel"
        >
          <div className="card-head">
            <h2 id={`points-${mission.id}-title`}>
              {mission.code} · {mission.title}
            </h2>
            <p className="big-number">
              {mission.total}
              <span className="stat-unit"> {mission.total === 1 ? 'point' : 'points'}</span>
            </p>
          </div>
          <p className="muted">Rank {mission.rankText} in this mission.</p>
          <PointsProgress id={`points-progress-${mission.id}`} points={mission.total} possible={mission.possible} />

          <h3 className="subhead">Where they come from</h3>
          <dl className="breakdown" aria-label={`Where the ${mission.totalText} in ${mission.code} come from`}>
            {mission.groups.map((group) => (
              <div key={group.key}>
                <dt>
                  {group.label} <span className="muted">({group.countText})</span>
                </dt>
                <dd>{group.points}</dd>
              </div>
            ))}
            {mission.earlierText ? (
              <div>
                <dt>
                  Earlier <span className="muted">({mission.earlierText})</span>
                </dt>
                <dd>{mission.earlier}</dd>
              </div>
            ) : null}
            <div className="breakdown-total">
              <dt>Total</dt>
              <dd>{mission.total}</dd>
            </div>
          </dl>

          {mission.rows.length === 0 ? (
            <p className="muted">
              No points yet. <Link to="/attendance">Submit today&apos;s attendance</Link> to earn your first.
            </p>
          ) : (
            <>
            <h3 className="subhead">Every award, newest first</h3>
            <table className="ledger">
              <caption className="visually-hidden">Points awarded in {mission.code}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">For</th>
                  <th scope="col" className="num">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {mission.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="nowrap">
                      <time dateTime={row.iso}>{row.dayText}</time>
                    </td>
                    <td>{row.description}</td>
                    <td className="num">{row.pointsText}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {mission.earlierText ? (
                  <tr>
                    <td />
                    <td>Earlier awards</td>
                    <td className="num">{mission.earlierPointsText}</td>
                  </tr>
                ) : null}
                <tr>
                  <th scope="row" colSpan={2}>
                    Total
                  </th>
                  <td className="num">{mission.total}</td>
                </tr>
              </tfoot>
            </table>
            </>
          )}
          {!mission.addsUp ? (
            <p className="notice notice-info">
              The awards listed here do not add up to your total yet. Reload in a minute; if it stays, tell the SRE team.
            </p>
          ) : null}
        </section>
      ))}
      <ZoneNote zone={zone} />
    </div>
  );
}
