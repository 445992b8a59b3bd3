import { useState } from 'react';
import { List, ListItem, ListItemButton, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Link as MuiLink } from '@mui/material';
import { LinkBase, type RaRecord } from 'react-admin';
import { formatTimeRange, listLink, nowMs } from '../common/format';
import { LoadChip, menteesText } from '../mentor_load/MentorLoadList';
import { useLiveList, useLiveTotal } from './live';
import { OutreachCards } from './OutreachCards';
import { MenteesSlipping } from './WorkQueues';
import { Empty, Panel, Stat, StatCard } from './parts';

const ACTIVE = { mission_status: 'active' };
/** The load chip repeats "mentees / capacity" as a share: left out below 600 px so the table fits. */
const hideOnPhones = { display: { xs: 'none', sm: 'table-cell' } };

/** Their students (per active mission) who checked in today, of all their students there. */
const MyStudentsToday = () => {
  // "Today" is each batch's own day, decided by the API.
  const checkedIn = { ...ACTIVE, checked_in_today: true };
  const attended = useLiveTotal('student_progress', checkedIn);
  const total = useLiveTotal('student_progress', ACTIVE);
  const ready = attended != null && total != null;
  return (
    <StatCard title="My students today">
      <Stat
        value={attended}
        text={ready ? `${attended.toLocaleString()} / ${total.toLocaleString()}` : undefined}
        ariaValue={ready ? `${attended} of ${total}` : undefined}
        label="checked in today, in active missions"
        to={listLink('student_progress', checkedIn)}
      />
    </StatCard>
  );
};

/** Their own mentor_load rows on active missions: mentees and unanswered tickets. */
const MyLoad = () => {
  const { data = [], isPending } = useLiveList('mentor_load', {
    filter: ACTIVE,
    sort: { field: 'mission_code', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  return (
    <Panel title="My load" to={listLink('mentor_load', ACTIVE)} linkLabel="Open" size={{ xs: 12, md: 6 }} loading={isPending}>
      {!isPending && data.length === 0 ? (
        <Empty text="You are not mentoring an active mission." />
      ) : (
        <Table size="small" aria-label="My load per mission" sx={{ '& td, & th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>Mission</TableCell>
              <TableCell align="right">Mentees</TableCell>
              <TableCell align="right" sx={hideOnPhones}>
                Load
              </TableCell>
              <TableCell align="right">Unanswered</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((r: RaRecord) => (
              <TableRow key={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${r.batch_code} · ${r.mission_code}`}</TableCell>
                <TableCell align="right">
                  <MuiLink component={LinkBase} to={listLink('students', { mission_id: r.mission_id })} aria-label={`${menteesText(r)} mentees in ${r.batch_code} · ${r.mission_code}`}>
                    {menteesText(r)}
                  </MuiLink>
                </TableCell>
                <TableCell align="right" sx={hideOnPhones}>
                  <LoadChip load={r.load} />
                </TableCell>
                <TableCell align="right">
                  <MuiLink
                    component={LinkBase}
                    to={listLink('tickets', { status: 'open', mission_id: r.mission_id })}
                    color={Number(r.tickets_unanswered) > 0 ? 'error' : 'inherit'}
                    aria-label={`${r.mission_code} unanswered tickets: ${r.tickets_unanswered}`}
                  >
                    {Number(r.tickets_unanswered ?? 0).toLocaleString()}
                  </MuiLink>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
};

/** The next five meetings of their missions. */
const UpcomingMeetings = () => {
  // "Now" once per visit, so the live query keeps one key (meetings that start meanwhile stay until reload).
  const [now] = useState(() => new Date(nowMs()).toISOString());
  const filter = { starts_at_gte: now };
  const { data = [], isPending } = useLiveList('meetings', {
    filter,
    sort: { field: 'starts_at', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <Panel title="Upcoming meetings" to={`${listLink('meetings', filter)}&sort=starts_at&order=ASC`} linkLabel="Meetings" size={{ xs: 12, md: 6 }} loading={isPending}>
      {!isPending && data.length === 0 ? (
        <Empty text="No meeting planned. Schedule one from Meetings." />
      ) : (
        <List dense disablePadding aria-label="Upcoming meetings">
          {data.map((m: RaRecord) => (
            <ListItem key={m.id} disablePadding>
            <ListItemButton component={LinkBase} to={`/meetings/${m.id}/show`} sx={{ px: 1 }}>
              <ListItemText
                primary={m.title}
                secondary={`${formatTimeRange(m.starts_at, m.ends_at)} · ${m.mission_code ?? ''} · ${m.invitee_count ?? 0} invited`}
                slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
              />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};

/** Mentor: who is slipping and why, who checked in today, their load, their next meetings. */
export const MentorDashboard = () => (
  <>
    <MenteesSlipping />
    <OutreachCards role="mentor" />
    <MyStudentsToday />
    <MyLoad />
    <UpcomingMeetings />
  </>
);
