import { useState } from 'react';
import { Button as MuiButton } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { DataTable, ReferenceManyField, SimpleList, useNotify, useRecordContext, type Identifier } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { downloadFromApi } from '../common/download';
import { errorMessage } from '../common/errors';
import { formatDateTime, plural } from '../common/format';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { None, SectionToolbar } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';

/** GET /submission_pastes/:id/unmatched.csv (unknown and not-enrolled addresses), saved as a file. */
export const DownloadUnmatchedButton = ({ id }: { id: Identifier }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <MuiButton
      size="small"
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={async (e) => {
        e.stopPropagation();
        setBusy(true);
        try {
          await downloadFromApi(`/submission_pastes/${encodeURIComponent(String(id))}/unmatched.csv`, `paste-${id}-unmatched.csv`);
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      Download unmatched
    </MuiButton>
  );
};

const unmatchedCount = (r: Record<string, unknown>) =>
  (Array.isArray(r.unknown_emails) ? r.unknown_emails.length : 0) + (Array.isArray(r.not_enrolled_emails) ? r.not_enrolled_emails.length : 0);

const UnmatchedCell = () => {
  const record = useRecordContext();
  if (!record) return null;
  const n = unmatchedCount(record);
  return n ? <DownloadUnmatchedButton id={record.id} /> : <span>0</span>;
};

/** Every list pasted for the assignment: who, when, what it matched. */
export const PasteHistory = () => {
  const isSmall = useIsSmall();
  const record = useRecordContext();
  const empty = <None text="No list has been pasted for this assignment yet." />;
  return (
    <ReferenceManyField
      reference="submission_pastes"
      target="assignment_id"
      sort={{ field: 'pasted_at', order: 'DESC' }}
      perPage={25}
      pagination={<CompactPagination />}
    >
      <SectionToolbar>
        <ExportCsvButton filter={{ assignment_id: record?.id }} />
      </SectionToolbar>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${formatDateTime(r.pasted_at)} · ${r.pasted_by_name}`}
          secondaryText={(r) => `${plural(r.email_count, 'email')}: ${r.recorded_count} recorded, ${r.already_count} already, ${r.duplicate_count} duplicates`}
          tertiaryText={(r) => (unmatchedCount(r) ? `${unmatchedCount(r)} unmatched` : '')}
          rowClick={false}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
          <DataTable.Col source="pasted_at" label="Pasted" render={(r) => formatDateTime(r.pasted_at)} />
          <DataTable.Col source="pasted_by_name" label="By" disableSort />
          <DataTable.Col source="taken_at" label="List taken at" disableSort render={(r) => formatDateTime(r.taken_at)} />
          <DataTable.NumberCol source="email_count" label="Emails" disableSort />
          <DataTable.NumberCol source="recorded_count" label="Recorded" />
          <DataTable.NumberCol source="already_count" label="Already" disableSort />
          <DataTable.NumberCol source="duplicate_count" label="Duplicates" disableSort />
          <DataTable.Col label="Unmatched" disableSort>
            <UnmatchedCell />
          </DataTable.Col>
        </DataTable>
      )}
    </ReferenceManyField>
  );
};
