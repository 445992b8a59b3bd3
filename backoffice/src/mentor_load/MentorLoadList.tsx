import type { MouseEvent } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import { DataTable, Link, List, SearchInput, SelectInput, SimpleList, useListContext } from 'react-admin';
import { MISSION_STATUS_CHOICES } from '../common/choices';
import { formatPercent, listLink } from '../common/format';
import { ListActions } from '../common/ListActions';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

/** A row of the report as the API sends it. */
type Row = Record<string, any>;

const UNANSWERED_CHOICES = [
  { id: 1, name: '1 or more' },
  { id: 3, name: '3 or more' },
];

/** The mission chooser narrowed to the batch chosen beside it. */
const MissionInBatchInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  return <MissionInput {...props} batchId={filterValues?.batch_id} />;
};

const filters = (isSmall: boolean, isMentor: boolean) => [
  ...(isMentor ? [] : [<SearchInput key="q" source="q" alwaysOn placeholder="Search mentor name or email" />]),
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall && !isMentor} />,
  <MissionInBatchInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <SelectInput key="mission_status" source="mission_status" label="Mission status" choices={MISSION_STATUS_CHOICES} alwaysOn={!isSmall} />,
  <SelectInput
    key="tickets_unanswered_gte"
    source="tickets_unanswered_gte"
    label="Unanswered tickets"
    choices={UNANSWERED_CHOICES}
    alwaysOn={!isSmall}
    sx={{ minWidth: 180 }}
  />,
];

const n = (value: unknown) => Number(value ?? 0);

/** "25 / 60" mentees of the capacity; "25" when the mentor has no capacity on the mission. */
export const menteesText = (r: Row) => (r.capacity == null ? `${n(r.mentees)}` : `${n(r.mentees)} / ${n(r.capacity)}`);

/** The load as a chip: red above 100 % of the capacity, amber from 90 %, "—" without a capacity. */
export const LoadChip = ({ load }: { load: unknown }) => {
  if (load == null || load === '') return <span>—</span>;
  const share = Number(load);
  const over = share > 1;
  return (
    <Chip
      size="small"
      label={`${formatPercent(share)}${over ? ' · over' : ''}`}
      color={over ? 'error' : share >= 0.9 ? 'warning' : 'default'}
      variant={over || share >= 0.9 ? 'filled' : 'outlined'}
    />
  );
};

const hoursText = (value: unknown) =>
  value == null || value === '' ? '—' : `${Number(value).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;

const stop = (e: MouseEvent) => e.stopPropagation();

/** Received tickets, and the unanswered ones in red, opening the mission's open tickets (for those who may list tickets). */
const Tickets = ({ record, linked }: { record: Row; linked: boolean }) => (
  <Box sx={{ whiteSpace: 'nowrap' }}>
    {n(record.tickets_received)}
    {' · '}
    {n(record.tickets_unanswered) > 0 && !linked ? (
      <Typography component="span" variant="body2" sx={{ color: 'error.main', fontWeight: 500 }}>
        {`${n(record.tickets_unanswered)} unanswered`}
      </Typography>
    ) : n(record.tickets_unanswered) > 0 ? (
      <Link to={listLink('tickets', { status: 'open', mission_id: record.mission_id })} onClick={stop} sx={{ color: 'error.main', fontWeight: 500 }}>
        {`${n(record.tickets_unanswered)} unanswered`}
      </Link>
    ) : (
      <Typography component="span" variant="body2" color="text.secondary">
        0 unanswered
      </Typography>
    )}
  </Box>
);

/** Narrower cell padding so the columns fit beside the menu at 1280 px. */
const compactCells = { '& .MuiTableCell-root': { px: 1 }, '& .MuiTableCell-root:first-of-type': { pl: 2 } };

const scopeText = (r: Row) => `${r.batch_code} · ${r.mission_code}`;
const meetingsText = (r: Row) => `${n(r.meetings_held)} held · ${n(r.meetings_upcoming)} upcoming`;

/**
 * "Mentor load" ("My load" for a mentor, whose own rows are all the API gives them): per mentor and
 * mission, mentees against capacity, meetings, tickets from their mentees and how fast they were
 * first answered, notes written. A row opens the mentor's students in that mission.
 */
export const MentorLoadList = () => {
  const isSmall = useIsSmall();
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  const seesTickets = can(me?.permissions, 'tickets', 'list');
  const studentsOf = (r: Row) =>
    listLink('students', isMentor ? { mission_id: r.mission_id } : { mission_id: r.mission_id, mentor_id: r.mentor_id });
  return (
    <List
      sx={wideFiltersSx}
      title={isMentor ? 'My load' : 'Mentor load'}
      filters={filters(isSmall, isMentor)}
      filterDefaultValues={{ mission_status: 'active' }}
      actions={<ListActions />}
      sort={{ field: 'mentees', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => (
            <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <span>{isMentor ? scopeText(r) : r.mentor_name}</span>
              <LoadChip load={r.load} />
            </Box>
          )}
          secondaryText={(r) =>
            lines(
              isMentor ? undefined : scopeText(r),
              `${menteesText(r)} mentees · ${meetingsText(r)}`,
              `Tickets ${n(r.tickets_received)} · ${n(r.tickets_unanswered)} unanswered · first answer ${hoursText(r.first_response_hours)}`,
              `${n(r.notes_written)} notes`
            )
          }
          rowClick={(_id, _resource, r) => studentsOf(r)}
        />
      ) : (
        <DataTable rowClick={(_id, _resource, r) => studentsOf(r)} bulkActionButtons={false} sx={compactCells}>
          {!isMentor && (
            <DataTable.Col
              source="mentor_name"
              label="Mentor"
              cellSx={() => ({ minWidth: 210 })}
              render={(r) => (
                <>
                  {r.mentor_name}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                    {r.mentor_email}
                  </Typography>
                </>
              )}
            />
          )}
          <DataTable.Col source="mission_code" label="Mission" cellSx={() => ({ whiteSpace: 'nowrap' })} render={scopeText} />
          <DataTable.Col align="right" source="mentees" label="Mentees / capacity" render={menteesText} />
          <DataTable.Col source="load" label="Load" render={(r) => <LoadChip load={r.load} />} />
          <DataTable.Col source="meetings_held" label="Meetings" render={meetingsText} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="tickets_unanswered" label="Tickets" render={(r) => <Tickets record={r} linked={seesTickets} />} />
          <DataTable.Col align="right" source="first_response_hours" label="First answer" render={(r) => hoursText(r.first_response_hours)} />
          <DataTable.NumberCol source="notes_written" label="Notes" />
        </DataTable>
      )}
    </List>
  );
};
