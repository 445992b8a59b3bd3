import { Box, Typography } from '@mui/material';
import {
  Button,
  DataTable,
  Link,
  ReferenceManyField,
  SimpleList,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  LinkBase,
} from 'react-admin';
import AddIcon from '@mui/icons-material/Add';
import { MISSION_STATUS_CHOICES } from '../common/choices';
import { formatDayRange } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

/** The batch's missions, in order, with links to each and to a new one in this batch. */
export const BatchMissions = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  const { canAccess: canCreate } = useCanAccess({ resource: 'missions', action: 'create' });
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Box sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Missions ({record.mission_count ?? 0})
        </Typography>
        {canCreate && (
          <Button
            component={LinkBase}
            to={`${createPath({ resource: 'missions', type: 'create' })}?source=${encodeURIComponent(
              JSON.stringify({ batch_id: record.id })
            )}`}
            label="Add mission"
          >
            <AddIcon />
          </Button>
        )}
      </Box>
      <ReferenceManyField reference="missions" target="batch_id" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        {isSmall ? (
          <SimpleList
            primaryText={(m) => `${m.code} — ${m.title}`}
            secondaryText={(m) => formatDayRange(m.starts_on, m.ends_on)}
            tertiaryText={(m) => `${m.enrolled_count ?? 0} enrolled`}
            rowClick="show"
          />
        ) : (
          <DataTable
            rowClick="show"
            bulkActionButtons={false}
            empty={
              <Typography variant="body2" color="text.secondary">
                No missions yet.
              </Typography>
            }
          >
            <DataTable.Col source="position" label="#" />
            <DataTable.Col source="code" label="Code" />
            <DataTable.Col source="title" label="Title" />
            <DataTable.Col source="status" label="Status">
              <StatusChip choices={MISSION_STATUS_CHOICES} />
            </DataTable.Col>
            <DataTable.Col label="Dates" render={(m) => formatDayRange(m.starts_on, m.ends_on)} />
            <DataTable.NumberCol source="enrolled_count" label="Enrolled" />
            <DataTable.NumberCol source="mentor_count" label="Mentors" />
            <DataTable.NumberCol source="paired_count" label="Paired" />
          </DataTable>
        )}
      </ReferenceManyField>
      <Typography variant="body2" sx={{ mt: 1 }}>
        <Link to={`/students?filter=${encodeURIComponent(JSON.stringify({ batch_id: record.id }))}`}>
          See the {Number(record.student_count ?? 0).toLocaleString()} students of this batch
        </Link>
      </Typography>
    </Box>
  );
};
