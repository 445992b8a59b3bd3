import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { AttendanceToday, VisuallyHidden, ZoneNote, revalidateAfterPost } from '~/components/engagement';
import { submitAttendance } from '~/lib/actions.server';
import { api, apiList, type AttendanceRow } from '~/lib/api.server';
import { dayKey, formatDay, formatTime, plural } from '~/lib/format.server';
import { attendanceToday, attendedParam, loadStudentPage } from '~/lib/student-page.server';

export const shouldRevalidate = revalidateAfterPost;

export const meta: MetaFunction = () => [{ title: 'Attendance · Student Portal' }];

const HISTORY_ROWS = 60;
const WEEKDAYS = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

interface CalendarCell {
  day: number;
  key: string;
  codes: string[];
  isToday: boolean;
  isFuture: boolean;
}

interface CalendarMonth {
  key: string;
  label: string;
  weeks: (CalendarCell | null)[][];
  countText: string;
}

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Month grids (Monday first), newest month first, from `today`'s month back to the oldest submission's. */
function calendarMonths(rows: AttendanceRow[], today: string, codeOf: (row: AttendanceRow) => string): CalendarMonth[] {
  const byDay = new Map<string, string[]>();
  for (const row of rows) byDay.set(row.local_date, [...(byDay.get(row.local_date) ?? []), codeOf(row)]);
  const oldest = rows.reduce((min, row) => (row.local_date < min ? row.local_date : min), today);
  const months: CalendarMonth[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7)); // 1-12
  const stop = oldest.slice(0, 7);
  for (let guard = 0; guard < 24; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const first = new Date(Date.UTC(year, month - 1, 1));
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
    const cells: (CalendarCell | null)[] = Array.from({ length: lead }, () => null);
    let count = 0;
    for (let day = 1; day <= daysInMonth; day += 1) {
      const dayKeyText = `${key}-${String(day).padStart(2, '0')}`;
      const codes = (byDay.get(dayKeyText) ?? []).sort();
      count += codes.length ? 1 : 0;
      cells.push({ day, key: dayKeyText, codes, isToday: dayKeyText === today, isFuture: dayKeyText > today });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (CalendarCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ key, label: monthLabel.format(first), weeks, countText: `${plural(count, 'day')} attended` });
    if (key <= stop) break;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadStudentPage(request, context, async (caller) => {
    const [dashboard, history] = await Promise.all([
      api.me.dashboard(caller),
      apiList<AttendanceRow>(caller, 'daily_attendance', {
        sort: ['local_date', 'DESC'],
        range: [0, HISTORY_ROWS - 1],
      }),
    ]);
    return { dashboard, history };
  });
  const { zone } = page;

  const { dashboard, history } = page.data;
  const attended = attendedParam(request);
  const today = dashboard.missions[0]?.today ?? dayKey(new Date(), zone);
  const thisYear = today.slice(0, 4);
  const codes = new Map(dashboard.missions.map((mission) => [mission.mission_id, mission.code]));
  const codeOf = (row: AttendanceRow) => row.mission_code || codes.get(row.mission_id) || `#${row.mission_id}`;

  return {
    zone,
    view: {
      missions: dashboard.missions.map((mission) => attendanceToday(mission, attended, formatDay(mission.today))),
      months: calendarMonths(history.rows, today, codeOf),
      list: history.rows.map((row) => ({
        id: row.id,
        dayText: formatDay(row.local_date, thisYear),
        code: codeOf(row),
        note: row.note?.trim() || null,
        timeText: formatTime(row.submitted_at, zone),
      })),
      shownText:
        history.total > history.rows.length
          ? `Your latest ${history.rows.length} of ${plural(history.total, 'submission')}.`
          : `${plural(history.total, 'submission')} in all.`,
    },
  };
}

export const action = ({ request, context }: ActionFunctionArgs) => submitAttendance(request, context, '/attendance');

export default function Attendance() {
  const { zone, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  return (
    <div className="page">
      <h1>Attendance</h1>
      <p className="lead">Submit once a day for each active mission. The day follows your batch&apos;s time zone.</p>

      <section aria-labelledby="today-heading" className="section">
        <h2 id="today-heading">Today</h2>
        {view.missions.length === 0 ? (
          <p className="panel muted">You are not enrolled in a mission yet.</p>
        ) : (
          <div className="mission-grid">
            {view.missions.map((mission) => (
              <section
                key={mission.missionId}
                id={`mission-${mission.missionId}`}
                className="card mission-card"
                aria-labelledby={`mission-${mission.missionId}-title`}
              >
                <header className="card-head">
                  <h3 id={`mission-${mission.missionId}-title`}>
                    {mission.code} · {mission.title}
                  </h3>
                  <span className={mission.closedText ? 'badge' : 'badge badge-good'}>{mission.statusLabel}</span>
                </header>
                <p className="muted">
                  Streak: <strong className="text-strong">{mission.streakText}</strong> · Attended{' '}
                  {mission.daysAttendedText} in all
                </p>
                <AttendanceToday view={mission} result={result} />
              </section>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading" className="section">
        <h2 id="history-heading">History</h2>
        <p className="muted">{view.shownText} A mission code on a day means you submitted for it.</p>
        <div className="calendars">
          {view.months.map((month) => (
            <table key={month.key} className="calendar">
              <caption>
                {month.label} <span className="muted">· {month.countText}</span>
              </caption>
              <thead>
                <tr>
                  {WEEKDAYS.map(([short, long]) => (
                    <th key={short} scope="col">
                      <abbr title={long}>{short}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {month.weeks.map((week, index) => (
                  <tr key={index}>
                    {week.map((cell, dayIndex) =>
                      cell ? (
                        <td
                          key={cell.key}
                          className={[
                            'cal-day',
                            cell.codes.length ? 'cal-attended' : '',
                            cell.isToday ? 'cal-today' : '',
                            cell.isFuture ? 'cal-future' : '',
                          ]
                            .filter(Boolean)
                            .join(' ')}
                          aria-current={cell.isToday ? 'date' : undefined}
                        >
                          <span className="cal-num">{cell.day}</span>
                          {cell.codes.map((code) => (
                            <span key={code} className="cal-code" aria-hidden="true">
                              {code}
                            </span>
                          ))}
                          <VisuallyHidden>
                            {cell.codes.length ? `: attended ${cell.codes.join(', ')}` : cell.isFuture ? '' : ': no attendance'}
                          </VisuallyHidden>
                        </td>
                      ) : (
                        <td key={`empty-${dayIndex}`} className="cal-empty" />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>

        {view.list.length ? (
          <details className="panel history-list">
            <summary>Show as a list, with your notes</summary>
            <ul className="item-list">
              {view.list.map((row) => (
                <li key={row.id} className="item">
                  <p className="item-title">
                    {row.dayText} <span className="muted">· {row.code} · submitted {row.timeText}</span>
                  </p>
                  {row.note ? <p className="item-meta note">{row.note}</p> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <ZoneNote zone={zone} />
    </div>
  );
}
