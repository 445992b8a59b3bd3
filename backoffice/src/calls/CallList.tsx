import HistoryIcon from '@mui/icons-material/History';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { CALL_OUTCOME_CHOICES, CALL_OUTCOME_SHORT, CALL_STATUS_CHOICES } from '../common/choices';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { wideFiltersSx } from '../common/listStyles';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { LinkButton } from '../common/LinkButton';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { CallTable } from './CallTable';

const OUTCOME_FILTER_CHOICES = CALL_OUTCOME_CHOICES.map((c) => ({ id: c.id, name: CALL_OUTCOME_SHORT[c.id] ?? c.name }));

const filters = (isSmall: boolean, isSre: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student" />,
  <BooleanInput key="mine" source="mine" label="Only my calls" alwaysOn={isSre} sx={{ ml: 0.5 }} />,
  <SelectInput key="status" source="status" label="Status" choices={CALL_STATUS_CHOICES} alwaysOn={!isSmall && !isSre} />,
  <ReferenceInput key="call_list_id" source="call_list_id" reference="call_lists" sort={{ field: 'created_at', order: 'DESC' }}>
    <AutocompleteInput label="Call list" optionText="title" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="last_outcome" source="last_outcome" label="Last outcome" choices={OUTCOME_FILTER_CHOICES} />,
];

const DUE_CHOICES = [
  { id: 'today', name: 'Due today' },
  { id: 'overdue', name: 'Overdue' },
  { id: 'due', name: 'All due' },
  { id: 'any', name: 'Any' },
];

/** The follow-up queue's quick filter: open calls due today, overdue, both, or every call. */
const DueToggle = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = typeof filterValues.due === 'string' ? filterValues.due : 'any';
  const choose = (value: string | null) => {
    if (!value) return;
    const { due: _due, ...rest } = filterValues;
    setFilters(value === 'any' ? rest : { ...rest, due: value }, displayedFilters);
  };
  return (
    <ToggleButtonGroup exclusive size="small" value={current} onChange={(_e, v) => choose(v)} aria-label="Which calls">
      {DUE_CHOICES.map((c) => (
        <ToggleButton key={c.id} value={c.id} sx={{ px: 1.25, whiteSpace: 'nowrap' }}>
          {c.name}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

const Actions = () => {
  const me = useMe();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <DueToggle />
      <FilterButton />
      {/* The log of every call made is not in the menu: it opens from the calls it records. */}
      {can(me?.permissions, 'call_logs', 'list') && <LinkButton to="/call_logs" label="Call logs" icon={<HistoryIcon />} />}
      <ExportCsvButton />
    </TopToolbar>
  );
};

/** The empty queue says which queue is empty. */
const Empty = () => {
  const { filterValues } = useListContext();
  const text =
    filterValues.due === 'today'
      ? 'No call due today.'
      : filterValues.due === 'overdue'
        ? 'No overdue call.'
        : filterValues.due === 'due'
          ? 'No call due: the queue is clear.'
          : 'No call.';
  return <None text={text} />;
};

/**
 * Calls to make. For an SRE: "My calls", their follow-up queue (open calls due today or overdue,
 * soonest first) with "Log call" on each row. Others see every call, open ones first.
 */
export const CallList = () => {
  const isSmall = useIsSmall();
  const me = useMe();
  const isSre = me?.role === 'sre';
  return (
    <List
      sx={wideFiltersSx}
      title={isSre ? 'My calls' : 'Calls'}
      filters={filters(isSmall, isSre)}
      filterDefaultValues={isSre ? { mine: true, due: 'due' } : { status: 'open' }}
      actions={<Actions />}
      sort={{ field: 'due_on', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <CallTable showScript showAssignee={!isSre} empty={<Empty />} />
    </List>
  );
};
