import { Box, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, ReferenceManyField, SimpleList, useCanAccess, useRecordContext } from 'react-admin';
import { CASE_KIND_CHOICES, CASE_STATUS_CHOICES, choiceName } from '../common/choices';
import { CompactPagination } from '../common/CompactPagination';
import { createLink, formatDateTime } from '../common/format';
import { LinkButton } from '../common/LinkButton';
import { None } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { LiveActionChip, liveActionText } from './CaseList';

/** The student's integrity cases (a student's show page), with "Open a case" for this student. */
export const StudentCases = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  const { canAccess: canCreate } = useCanAccess({ resource: 'integrity_cases', action: 'create' });
  if (!record) return null;
  const empty = <None text="No integrity case." />;
  return (
    <Box sx={{ p: 2 }}>
      {canCreate && (
        <Stack direction="row" sx={{ mb: 1 }}>
          <LinkButton to={createLink('integrity_cases', { student_id: record.id })} label="Open a case" icon={<AddIcon />} />
        </Stack>
      )}
      <ReferenceManyField reference="integrity_cases" target="student_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<CompactPagination />}>
        {isSmall ? (
          <SimpleList
            primaryText={(r) => `${choiceName(CASE_KIND_CHOICES, r.kind)} · ${choiceName(CASE_STATUS_CHOICES, r.status)}`}
            secondaryText={(r) => `Action: ${liveActionText(r)}`}
            tertiaryText={(r) => formatDateTime(r.created_at)}
            rowClick="show"
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick="show" empty={empty}>
            <DataTable.Col source="created_at" label="Opened" render={(r) => formatDateTime(r.created_at)} />
            <DataTable.Col source="kind" label="Kind" render={(r) => choiceName(CASE_KIND_CHOICES, r.kind)} />
            <DataTable.Col source="status" label="Status">
              <StatusChip choices={CASE_STATUS_CHOICES} />
            </DataTable.Col>
            <DataTable.Col label="Action in force" disableSort>
              <LiveActionChip />
            </DataTable.Col>
            <DataTable.Col source="opened_by_name" label="Opened by" disableSort />
          </DataTable>
        )}
      </ReferenceManyField>
    </Box>
  );
};
