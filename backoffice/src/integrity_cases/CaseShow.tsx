import { Box, Button as MuiButton, Grid, Link as MuiLink } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  DataTable,
  EditButton,
  Link,
  ReferenceManyField,
  Show,
  SimpleList,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { APPEAL_STATUS_CHOICES, CASE_KIND_CHOICES, CASE_STATUS_CHOICES, choiceName } from '../common/choices';
import { CompactPagination } from '../common/CompactPagination';
import { errorMessage } from '../common/errors';
import { formatDateTime } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { None, Section } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { CaseActionList, TakeActionForm } from './CaseActions';
import { CaseTitle } from './CaseEdit';
import { LiveActionChip } from './CaseList';

/** Close an open case or reopen a closed one (SREs, admins). */
const CaseStatusButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'integrity_cases', action: 'edit' });
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !canAccess) return null;
  const next = record.status === 'open' ? 'closed' : 'open';
  return (
    <MuiButton
      size="small"
      startIcon={next === 'closed' ? <LockIcon /> : <LockOpenIcon />}
      disabled={isPending}
      onClick={async () => {
        try {
          await update('integrity_cases', { id: record.id, data: { status: next }, previousData: record }, { mutationMode: 'pessimistic', returnPromise: true });
          notify(next === 'closed' ? 'Case closed. Actions in force stay until lifted or ended.' : 'Case reopened.', { type: 'success' });
          refresh();
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        }
      }}
    >
      {next === 'closed' ? 'Close case' : 'Reopen case'}
    </MuiButton>
  );
};

const Actions = () => (
  <TopToolbar>
    <CaseStatusButton />
    <EditButton />
  </TopToolbar>
);

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  const links = Array.isArray(record.evidence_links) ? (record.evidence_links as string[]) : [];
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Student">
        <Link to={`/students/${record.student_id}/show`}>{String(record.student_name ?? '')}</Link>
      </LabeledValue>
      <LabeledValue label="Kind">{choiceName(CASE_KIND_CHOICES, record.kind)}</LabeledValue>
      <LabeledValue label="Mission">{record.mission_code ? String(record.mission_code) : '—'}</LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={CASE_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Action in force">
        <LiveActionChip />
      </LabeledValue>
      <LabeledValue label="Opened">{`${formatDateTime(record.created_at)} by ${record.opened_by_name}`}</LabeledValue>
      <LabeledValue label="What happened" size={12}>
        <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
          {String(record.description ?? '')}
        </Box>
      </LabeledValue>
      <LabeledValue label="Evidence" size={12}>
        {links.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {links.map((link) => (
              <li key={link}>
                <MuiLink href={link} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
                  {link}
                </MuiLink>
              </li>
            ))}
          </Box>
        ) : (
          '—'
        )}
      </LabeledValue>
    </Grid>
  );
};

/** The student's appeals on this case (staff who may read appeals), each opening its page to decide. */
const CaseAppeals = () => {
  const isSmall = useIsSmall();
  const empty = <None text="No appeal on this case." />;
  return (
    <ReferenceManyField reference="appeals" target="case_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<CompactPagination />}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${choiceName(APPEAL_STATUS_CHOICES, r.status)} · ${formatDateTime(r.created_at)}`}
          secondaryText={(r) => r.statement}
          rowClick="show"
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show" empty={empty}>
          <DataTable.Col source="created_at" label="Filed" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col source="statement" label="Statement" disableSort cellSx={() => ({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' })} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={APPEAL_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col
            source="decided_at"
            label="Decision"
            render={(r) => (r.decided_at ? `${r.decided_by_name}, ${formatDateTime(r.decided_at)}: ${r.decision_note ?? ''}` : '—')}
          />
        </DataTable>
      )}
    </ReferenceManyField>
  );
};

const AppealsSection = () => {
  const { canAccess } = useCanAccess({ resource: 'appeals', action: 'list' });
  if (!canAccess) return null;
  return (
    <Section title="Appeals">
      <CaseAppeals />
    </Section>
  );
};

/** The case with its history: what happened, the actions taken (and lifted), the appeals. */
export const CaseShow = () => (
  <Show title={<CaseTitle />} actions={<Actions />}>
    <Summary />
    <Section title="Actions">
      <CaseActionList />
      <TakeActionForm />
    </Section>
    <AppealsSection />
  </Show>
);
