import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  useRecordContext,
} from 'react-admin';
import { CASE_KIND_CHOICES, CASE_STATUS_CHOICES, INTEGRITY_ACTION_CHOICES, STATUS_COLORS, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDateTime, formatDay } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { MissionInput } from '../common/ReferenceInputs';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student or description" />,
  <SelectInput key="status" source="status" label="Status" choices={CASE_STATUS_CHOICES} alwaysOn={!isSmall} />,
  <SelectInput key="kind" source="kind" label="Kind" choices={CASE_KIND_CHOICES} alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" />,
];

/** "Ban until 3 Dec 2026" / "None" */
export const liveActionText = (r: Record<string, unknown>) =>
  r.live_action
    ? `${choiceName(INTEGRITY_ACTION_CHOICES, r.live_action)}${r.live_action_ends_at ? ` until ${formatDay(r.live_action_ends_at)}` : ''}`
    : 'None';

/** The action in force on the case, as a chip (nothing when none). */
export const LiveActionChip = (_props: { label?: string }) => {
  const record = useRecordContext();
  if (!record?.live_action) return <span>—</span>;
  return <Chip size="small" color={STATUS_COLORS[String(record.live_action)] ?? 'default'} label={liveActionText(record)} />;
};

/** Integrity cases (mentors: the ones on their students or raised by them). */
export const CaseList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Integrity cases"
      filters={filters(isSmall)}
      actions={<ListActions><CreateButton label="Open a case" /></ListActions>}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.student_name} · ${choiceName(CASE_KIND_CHOICES, r.kind)}`}
          secondaryText={(r) =>
            lines(`${choiceName(CASE_STATUS_CHOICES, r.status)} · action: ${liveActionText(r)}${r.open_appeal_id ? ' · appeal open' : ''}`, `Opened ${formatDay(r.created_at)}`)
          }
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="Opened" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="kind" label="Kind" render={(r) => choiceName(CASE_KIND_CHOICES, r.kind)} />
          <DataTable.Col source="mission_code" label="Mission" disableSort render={(r) => r.mission_code ?? '—'} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={CASE_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col label="Action in force" disableSort>
            <LiveActionChip />
          </DataTable.Col>
          <DataTable.Col label="Appeal" disableSort render={(r) => (r.open_appeal_id ? 'Open' : '—')} />
          <DataTable.Col source="opened_by_name" label="Opened by" disableSort />
        </DataTable>
      )}
    </List>
  );
};
