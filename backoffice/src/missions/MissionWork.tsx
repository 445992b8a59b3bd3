import { Box, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, ReferenceManyField, SimpleList, useCanAccess, useRecordContext } from 'react-admin';
import { deadlineText, submittedText } from '../assignments/AssignmentList';
import { CompactPagination } from '../common/CompactPagination';
import { createLink, formatTimeRange } from '../common/format';
import { LinkButton } from '../common/LinkButton';
import { lines } from '../common/ListParts';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';

const NewButton = ({ resource, label }: { resource: string; label: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Stack direction="row" sx={{ mb: 1 }}>
      <LinkButton to={createLink(resource, { mission_id: record.id })} label={label} icon={<AddIcon />} />
    </Stack>
  );
};

/** The mission's assignments with their submission counts. */
export const MissionAssignments = () => {
  const isSmall = useIsSmall();
  const empty = <None text="No assignment in this mission yet." />;
  return (
    <Box sx={{ p: 2 }}>
      <NewButton resource="assignments" label="New assignment" />
      <ReferenceManyField reference="assignments" target="mission_id" sort={{ field: 'number', order: 'ASC' }} perPage={50} pagination={<CompactPagination />}>
        {isSmall ? (
          <SimpleList
           
            primaryText={(r) => `#${r.number} ${r.title}`}
            secondaryText={(r) => lines(`Due ${deadlineText(r)}`, `${submittedText(r)} · ${r.on_time_count ?? 0} on time · ${r.late_count ?? 0} late`)}
            rowClick="show"
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick="show" empty={empty}>
            <DataTable.NumberCol source="number" label="#" />
            <DataTable.Col source="title" label="Title" />
            <DataTable.Col source="deadline" label="Deadline (batch time)" render={deadlineText} />
            <DataTable.NumberCol source="submitted_count" label="Submitted" />
            <DataTable.NumberCol source="on_time_count" label="On time" disableSort />
            <DataTable.NumberCol source="late_count" label="Late" disableSort />
            <DataTable.NumberCol source="enrolled_count" label="Enrolled" disableSort />
          </DataTable>
        )}
      </ReferenceManyField>
    </Box>
  );
};

/** The mission's meetings, latest first. */
export const MissionMeetings = () => {
  const isSmall = useIsSmall();
  const empty = <None text="No meeting scheduled in this mission yet." />;
  return (
    <Box sx={{ p: 2 }}>
      <NewButton resource="meetings" label="Schedule a meeting" />
      <ReferenceManyField reference="meetings" target="mission_id" sort={{ field: 'starts_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
        {isSmall ? (
          <SimpleList
           
            primaryText={(r) => r.title}
            secondaryText={(r) => lines(formatTimeRange(r.starts_at, r.ends_at), `${r.attendance_count ?? 0} present`)}
            rowClick="show"
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick="show" empty={empty}>
            <DataTable.Col source="starts_at" label="When" render={(r) => formatTimeRange(r.starts_at, r.ends_at)} />
            <DataTable.Col source="title" label="Title" />
            <DataTable.NumberCol source="attendance_count" label="Present" />
            <DataTable.Col source="created_by_name" label="Scheduled by" disableSort />
          </DataTable>
        )}
      </ReferenceManyField>
    </Box>
  );
};
