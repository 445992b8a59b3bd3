import { Box, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { LinkBase, type RaRecord } from 'react-admin';
import { PhoneLink, dueText, isOverdue } from '../calls/CallParts';
import { LogCallButton } from '../calls/LogCallButton';
import { formatDay, formatPercent, listLink, plural } from '../common/format';
import { ReasonChips, RiskLevelChip } from '../common/RiskChips';
import { useLiveList } from './live';
import { Empty, Panel } from './parts';
import { SLIPPING } from './OutreachCards';

const MY_QUEUE = { mine: true, due: 'due' };

/**
 * An SRE's calls to make now: overdue first, then today's, each with its reasons, a tap-to-call number and
 * "Log call" (one click to act).
 */
export const CallsToMake = () => {
  const { data = [], total, isPending } = useLiveList('calls', {
    filter: MY_QUEUE,
    sort: { field: 'due_on', order: 'ASC' },
    pagination: { page: 1, perPage: 8 },
  });
  return (
    <Panel title="Calls to make" to={listLink('calls', MY_QUEUE)} linkLabel="All my calls" size={{ xs: 12, md: 7 }} loading={isPending}>
      {!isPending && data.length === 0 ? (
        <Empty text="No call is due. New ones come from call lists." />
      ) : (
        <>
          {total != null && total > data.length && (
            <Typography variant="body2" color="text.secondary">{`The ${data.length} most urgent of ${plural(total, 'call')} due.`}</Typography>
          )}
          <List dense disablePadding aria-label="Calls to make">
            {data.map((call: RaRecord) => (
              <ListItem
                key={call.id}
                disableGutters
                divider
                secondaryAction={<LogCallButton call={call} variant="outlined" />}
                sx={{ pr: { xs: 13, sm: 14 }, alignItems: 'flex-start' }}
              >
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                      <Box component={LinkBase} to={`/calls/${call.id}/show`} sx={{ color: 'primary.main', fontWeight: 500, overflowWrap: 'anywhere' }}>
                        {call.student_name}
                      </Box>
                      <Typography component="span" variant="caption" color={isOverdue(call) ? 'error.main' : 'text.secondary'}>
                        {isOverdue(call) ? `Overdue since ${formatDay(call.due_on)}` : `Due ${dueText(call.due_on).toLowerCase()}`}
                      </Typography>
                    </Box>
                  }
                  secondary={
                    <Stack component="span" direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center', rowGap: 0.5 }}>
                      <PhoneLink phone={call.student_phone} />
                      <ReasonChips reasons={call.reasons} />
                    </Stack>
                  }
                  slotProps={{ secondary: { component: 'div' } }}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Panel>
  );
};

/** "63% attendance · 2 missed · last check-in 3 Dec": why a student is slipping, in words. */
export const whyText = (r: RaRecord) =>
  [
    `${formatPercent(r.attendance_rate)} attendance`,
    Number(r.assignments_missed) > 0 ? `${plural(Number(r.assignments_missed), 'assignment')} missed` : null,
    `${formatPercent(r.progress)} of points`,
    r.last_attended_on ? `last check-in ${formatDay(r.last_attended_on)}` : 'never checked in',
  ]
    .filter(Boolean)
    .join(' · ');

/** A mentor's mentees who are slipping (high risk first), each with why; one click opens the student. */
export const MenteesSlipping = () => {
  const { data = [], total, isPending } = useLiveList('student_progress', {
    filter: SLIPPING,
    sort: { field: 'risk', order: 'ASC' },
    pagination: { page: 1, perPage: 8 },
  });
  return (
    <Panel title="Mentees slipping" to={listLink('student_progress', SLIPPING)} linkLabel="All of them" size={{ xs: 12, md: 7 }} loading={isPending}>
      {!isPending && data.length === 0 ? (
        <Empty text="None of your mentees is slipping." />
      ) : (
        <>
          {total != null && total > data.length && (
            <Typography variant="body2" color="text.secondary">{`${data.length} of ${plural(total, 'mentee')} slipping.`}</Typography>
          )}
          <List dense disablePadding aria-label="Mentees slipping">
            {data.map((r: RaRecord) => (
              <ListItem key={r.id} disablePadding divider>
              <ListItemButton component={LinkBase} to={`/students/${r.student_id}/show`} sx={{ px: 1, alignItems: 'flex-start' }}>
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                      <Box component="span" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                        {r.student_name}
                      </Box>
                      <RiskLevelChip risk={r.risk} />
                      <Typography component="span" variant="caption" color="text.secondary">
                        {`${r.batch_code} · ${r.mission_code}`}
                      </Typography>
                    </Box>
                  }
                  secondary={whyText(r)}
                />
              </ListItemButton>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Panel>
  );
};
