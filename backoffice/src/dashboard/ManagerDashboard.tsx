import { Box, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { LinkBase, type RaRecord } from 'react-admin';
import { AttendanceRateChart, type AttendanceDayRow } from '../charts/AttendanceRateChart';
import { SubmissionBar } from '../charts/SubmissionBar';
import { addDays, formatDateTime, formatPercent, listLink, todayIso } from '../common/format';
import { LoadChip, menteesText } from '../mentor_load/MentorLoadList';
import { useLiveList, useLiveTotal } from './live';
import { OutreachCards } from './OutreachCards';
import { Empty, Panel, Stat, StatCard } from './parts';
import { TodayAttendance } from './TodayAttendance';

/** "YYYY-MM-DD" `days` days before the user's today. */
export const daysAgoIso = (days: number) => addDays(todayIso(), -days);

const ACTIVE_LOAD = { mission_status: 'active' };
const UNANSWERED = { mission_status: 'active', tickets_unanswered_gte: 1 };
const LOWEST_RATE = { deadline_passed: true };

/** Active missions' attendance rate over the last 14 days, one line per mission (today, still under way, is the panel beside). */
const AttendanceTrend = () => {
  const filter = { mission_status: 'active', day_gte: daysAgoIso(14), is_today: false };
  const { data = [], isPending } = useLiveList('mission_attendance_days', {
    filter,
    sort: { field: 'day', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  return (
    <Panel title="Attendance rate, last 14 days" to={listLink('mission_attendance_days', filter)} size={{ xs: 12, md: 7 }} loading={isPending}>
      {!isPending && (
        <AttendanceRateChart rows={data as unknown as AttendanceDayRow[]} height={340} label="Attendance rate per day of the active missions, last 14 days" />
      )}
    </Panel>
  );
};

/**
 * The ten busiest mentors on active missions: those with a capacity by load (share of it used), then,
 * to fill the ten, those without one by mentees (the report cannot rank a missing capacity).
 */
const MentorLoadTop = () => {
  const { data: byLoad = [], isPending } = useLiveList('mentor_load', {
    filter: { ...ACTIVE_LOAD, load_gte: 0 },
    sort: { field: 'load', order: 'DESC' },
    pagination: { page: 1, perPage: 10 },
  });
  const { data: byMentees = [] } = useLiveList('mentor_load', {
    filter: ACTIVE_LOAD,
    sort: { field: 'mentees', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  const rows = [...byLoad, ...byMentees.filter((r) => r.load == null)].slice(0, 10);
  return (
    <Panel title="Mentor load: top 10" to={listLink('mentor_load', ACTIVE_LOAD)} size={{ xs: 12, md: 6 }} loading={isPending}>
      {!isPending && rows.length === 0 ? (
        <Empty text="No mentor on an active mission." />
      ) : (
        <List dense disablePadding aria-label="Mentor load, top 10">
          {rows.map((r: RaRecord) => (
            <ListItem key={r.id} disablePadding>
            <ListItemButton
              component={LinkBase}
              to={listLink('students', { mission_id: r.mission_id, mentor_id: r.mentor_id })}
              sx={{ px: 1, gap: 1 }}
            >
              <ListItemText
                primary={r.mentor_name}
                secondary={`${r.batch_code} · ${r.mission_code} · ${menteesText(r)} mentees${Number(r.tickets_unanswered) > 0 ? ` · ${r.tickets_unanswered} unanswered` : ''}`}
                slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
              />
              <LoadChip load={r.load} />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};

/** Tickets from mentees still waiting for a first answer, summed over the mentor load rows. */
const UnansweredTickets = () => {
  const { data = [], isPending, total } = useLiveList('mentor_load', {
    filter: UNANSWERED,
    sort: { field: 'tickets_unanswered', order: 'DESC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const sum = data.reduce((acc, r) => acc + Number(r.tickets_unanswered ?? 0), 0);
  return (
    <StatCard title="Unanswered tickets">
      <Stat value={isPending ? undefined : sum} label="tickets to mentors without a first answer" to={listLink('mentor_load', UNANSWERED)} />
      <Stat value={isPending ? undefined : total} label="mentors with one waiting" to={listLink('mentor_load', UNANSWERED)} />
    </StatCard>
  );
};

/** Active batches and missions. */
const Running = () => {
  const batches = useLiveTotal('batches', { status: 'active' });
  const missions = useLiveTotal('missions', { status: 'active' });
  return (
    <StatCard title="Running now">
      <Stat value={batches} label="active batches" to={listLink('batches', { status: 'active' })} />
      <Stat value={missions} label="active missions" to={listLink('missions', { status: 'active' })} />
    </StatCard>
  );
};

/** The five assignments past their deadline with the lowest submission rate. */
const LowestSubmission = () => {
  const { data = [], isPending } = useLiveList('assignment_report', {
    filter: LOWEST_RATE,
    sort: { field: 'submission_rate', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <Panel
      title="Lowest submission rates"
      to={`${listLink('assignment_report', LOWEST_RATE)}&sort=submission_rate&order=ASC`}
      size={{ xs: 12, md: 6 }}
      loading={isPending}
    >
      {!isPending && data.length === 0 ? (
        <Empty text="No deadline has passed yet." />
      ) : (
        <List dense disablePadding aria-label="Assignments with the lowest submission rate">
          {data.map((r: RaRecord) => (
            <ListItem key={r.id} disablePadding>
            <ListItemButton component={LinkBase} to={`/assignments/${r.id}/show`} sx={{ px: 1, display: 'block' }}>
              <Box sx={{ display: 'flex', gap: 1, justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{`${r.batch_code} · ${r.mission_code} · #${r.number} ${r.title}`}</Typography>
                <Typography variant="body2" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
                  {formatPercent(r.submission_rate)}
                </Typography>
              </Box>
              <Box sx={{ my: 0.5 }}>
                <SubmissionBar record={r} />
              </Box>
              <Typography variant="caption" color="text.secondary">
                {`Due ${formatDateTime(r.deadline)} · ${r.on_time} on time · ${r.late} late · ${r.missing ?? 0} missing`}
              </Typography>
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};

/** Manager: what runs, attendance trend and today, mentor load, unanswered tickets, weakest assignments. */
export const ManagerDashboard = () => (
  <>
    <Running />
    <UnansweredTickets />
    <OutreachCards role="manager" />
    <AttendanceTrend />
    <TodayAttendance size={{ xs: 12, md: 5 }} />
    <MentorLoadTop />
    <LowestSubmission />
  </>
);
