import PushPinIcon from '@mui/icons-material/PushPin';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
} from 'react-admin';
import { NOTICE_AUDIENCE_CHOICES } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDateTime, nowMs } from '../common/format';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title or text" />,
  <SelectInput key="audience" source="audience" label="Audience" choices={NOTICE_AUDIENCE_CHOICES} alwaysOn={!isSmall} />,
  <BatchInput key="batch_id" source="batch_id" />,
  <MissionInput key="mission_id" source="mission_id" />,
  <BooleanInput key="requires_ack" source="requires_ack" label="Needs acknowledgement" />,
];

/** "Everyone" / "Batch DEMO-B01" / "Mission M1" */
export const audienceText = (r: Record<string, unknown>) =>
  r.audience === 'batch' ? `Batch ${r.batch_code}` : r.audience === 'mission' ? `Mission ${r.mission_code}` : 'Everyone';

/** "12 / 250 acknowledged" or "30 / 250 read" */
export const ackText = (r: Record<string, unknown>) =>
  r.requires_ack
    ? `${Number(r.ack_count ?? 0).toLocaleString()} / ${Number(r.audience_count ?? 0).toLocaleString()} acknowledged`
    : `${Number(r.read_count ?? 0).toLocaleString()} / ${Number(r.audience_count ?? 0).toLocaleString()} read`;

const publishText = (r: Record<string, unknown>) =>
  `${Date.parse(String(r.publish_at)) > nowMs() ? 'Scheduled ' : ''}${formatDateTime(r.publish_at)}`;

/** Notices to everyone, a batch or a mission (mentors: theirs and their missions'). */
export const NoticeList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Notices"
      filters={filters(isSmall)}
      actions={<ListActions><CreateButton label="New notice" /></ListActions>}
      sort={{ field: 'publish_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.pinned ? '📌 ' : ''}${r.title}`}
          secondaryText={(r) => lines(`${audienceText(r)} · ${publishText(r)}`, ackText(r))}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="publish_at" label="Published" render={publishText} />
          <DataTable.Col source="pinned" label="" render={(r) => (r.pinned ? <PushPinIcon fontSize="small" titleAccess="Pinned" /> : null)} />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="audience" label="To" disableSort render={audienceText} />
          <DataTable.Col source="ack_count" label="Read / acknowledged" render={ackText} />
          <DataTable.Col source="created_by_name" label="By" disableSort />
        </DataTable>
      )}
    </List>
  );
};
