import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SimpleList,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatTimeRange, todayIso, wallToInstant } from '../common/format';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

/** Midnight today in the user's profile zone: "upcoming" includes today's meetings, even one under way. */
const startOfToday = () => wallToInstant(`${todayIso()}T00:00`)!.toISOString();

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
];

/** Upcoming (from today, soonest first) or past (latest first) meetings. */
const WhenToggle = () => {
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  const when = filterValues.starts_at_gte ? 'upcoming' : filterValues.starts_at_lt ? 'past' : 'all';
  const choose = (value: string | null) => {
    if (!value) return;
    const { starts_at_gte: _g, starts_at_lt: _l, ...rest } = filterValues;
    if (value === 'upcoming') {
      setFilters({ ...rest, starts_at_gte: startOfToday() }, displayedFilters);
      setSort({ field: 'starts_at', order: 'ASC' });
    } else if (value === 'past') {
      setFilters({ ...rest, starts_at_lt: startOfToday() }, displayedFilters);
      setSort({ field: 'starts_at', order: 'DESC' });
    } else {
      setFilters(rest, displayedFilters);
      setSort({ field: 'starts_at', order: 'DESC' });
    }
  };
  return (
    <ToggleButtonGroup exclusive size="small" value={when} onChange={(_e, v) => choose(v)} aria-label="Which meetings">
      <ToggleButton value="upcoming">Upcoming</ToggleButton>
      <ToggleButton value="past">Past</ToggleButton>
      <ToggleButton value="all">All</ToggleButton>
    </ToggleButtonGroup>
  );
};

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
    <WhenToggle />
    <FilterButton />
    <CreateButton label="Schedule" />
    <ExportCsvButton />
  </TopToolbar>
);

const inviteesText = (r: Record<string, unknown>) => (Number(r.invitee_count) ? `${r.invitee_count} invited` : 'Whole mission');

/** Meetings of the missions the user may see (mentors: the missions they mentor). */
export const MeetingList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Meetings"
      filters={filters(isSmall)}
      filterDefaultValues={{ starts_at_gte: startOfToday() }}
      actions={<Actions />}
      sort={{ field: 'starts_at', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) => lines(formatTimeRange(r.starts_at, r.ends_at), `${r.mission_code} · ${r.attendance_count ?? 0} present · ${inviteesText(r)}`)}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="starts_at" label="When" render={(r) => formatTimeRange(r.starts_at, r.ends_at)} />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="mission_id" label="Mission" render={(r) => r.mission_code} />
          <DataTable.Col
            source="requires_code"
            label="Code"
            disableSort
            render={(r) => (r.requires_code ? <LockIcon fontSize="small" titleAccess="Check-in code required" /> : '—')}
          />
          <DataTable.NumberCol source="attendance_count" label="Present" />
          <DataTable.Col source="invitee_count" label="Invited" disableSort render={inviteesText} />
          <DataTable.Col source="created_by_name" label="Scheduled by" disableSort />
        </DataTable>
      )}
    </List>
  );
};
