import { useState } from 'react';
import { Box, Button as MuiButton, Grid, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import PhoneIcon from '@mui/icons-material/Phone';
import {
  DataTable,
  DeleteButton,
  EditButton,
  ListBase,
  Pagination,
  Show,
  SimpleList,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { downloadFromApi } from '../common/download';
import { errorMessage } from '../common/errors';
import { formatDateTime, listLink } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { lines } from '../common/ListParts';
import { LinkButton } from '../common/LinkButton';
import { SanitisedHtml } from '../common/SafeHtml';
import { None, Section } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { audienceText } from './NoticeList';
import { NoticeTitle } from './NoticeEdit';

/** Mentors change only their own notices (the API answers 404 otherwise); other writers any they may see. */
const Actions = () => {
  const record = useRecordContext();
  const me = useMe();
  const mine = me?.role !== 'mentor' || String(record?.created_by) === String(me?.id);
  return (
    <TopToolbar>
      {mine && <EditButton />}
      {mine && (
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle="Delete this notice?"
          confirmContent="Students no longer see it; its read and acknowledgement records go too."
        />
      )}
    </TopToolbar>
  );
};

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="To">{audienceText(record)}</LabeledValue>
      <LabeledValue label="Published">{formatDateTime(record.publish_at)}</LabeledValue>
      <LabeledValue label="Expires">{formatDateTime(record.expires_at, 'Never')}</LabeledValue>
      <LabeledValue label="Options">
        {[record.pinned ? 'Pinned' : '', record.requires_ack ? 'Must be acknowledged' : 'No acknowledgement asked'].filter(Boolean).join(' · ')}
      </LabeledValue>
      <LabeledValue label="By">{String(record.created_by_name ?? '')}</LabeledValue>
    </Grid>
  );
};

const Body = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Section title="Notice">
      <Box sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: 800 }}>
        <SanitisedHtml html={String(record.body_html ?? '')} label="Notice body" />
      </Box>
    </Section>
  );
};

const CountBlock = ({ label, value, of }: { label: string; value: number; of: number }) => (
  <Box sx={{ minWidth: 140, flex: '1 1 140px' }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="h6" component="div">{`${value.toLocaleString()} / ${of.toLocaleString()}`}</Typography>
    <LinearProgress variant="determinate" value={of ? Math.min(100, (value / of) * 100) : 0} aria-label={`${label}: ${value} of ${of}`} sx={{ height: 6, borderRadius: 3 }} />
  </Box>
);

/** Who acknowledged (or not yet): GET /notices/:id/acknowledgements, through the virtual list of the data provider. */
const AckList = ({ noticeId, acknowledged }: { noticeId: unknown; acknowledged: boolean }) => {
  const isSmall = useIsSmall();
  const empty = <None text={acknowledged ? 'Nobody has acknowledged it yet.' : 'Everyone has acknowledged it.'} />;
  const studentPage = (_id: unknown, _r: unknown, row: Record<string, unknown>) => `/students/${row.student_id}/show`;
  return (
    <ListBase
      resource="notice_acknowledgements"
      filter={{ notice_id: noticeId, acknowledged }}
      perPage={25}
      sort={{ field: 'name', order: 'ASC' }}
      disableSyncWithLocation
      storeKey={false}
      disableAuthentication
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) =>
            lines(r.email, r.acknowledged_at ? `Acknowledged ${formatDateTime(r.acknowledged_at)}` : r.read_at ? `Read ${formatDateTime(r.read_at)}` : 'Not opened')
          }
          rowClick={studentPage}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={studentPage} empty={empty}>
          <DataTable.Col source="name" label="Student" disableSort />
          <DataTable.Col source="email" label="Email" disableSort />
          <DataTable.Col source="read_at" label="Read" disableSort render={(r) => formatDateTime(r.read_at, 'Not opened')} />
          {acknowledged && <DataTable.Col source="acknowledged_at" label="Acknowledged" disableSort render={(r) => formatDateTime(r.acknowledged_at)} />}
        </DataTable>
      )}
      <Pagination rowsPerPageOptions={[25, 50, 100]} />
    </ListBase>
  );
};

const ExportNotAcknowledgedButton = ({ noticeId }: { noticeId: unknown }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <MuiButton
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const filter = encodeURIComponent(JSON.stringify({ acknowledged: false }));
          await downloadFromApi(`/notices/${noticeId}/acknowledgements.csv?filter=${filter}`, `notice-${noticeId}-not-acknowledged.csv`);
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      Export not acknowledged (CSV)
    </MuiButton>
  );
};

/** Counts, then the students who have and have not acknowledged, with export and the call list. */
const AckReport = () => {
  const record = useRecordContext();
  const [tab, setTab] = useState<'no' | 'yes'>('no');
  const { canAccess: canListStudents } = useCanAccess({ resource: 'students', action: 'list' });
  if (!record) return null;
  const audience = Number(record.audience_count ?? 0);
  const acked = Number(record.ack_count ?? 0);
  const read = Number(record.read_count ?? 0);
  return (
    <Section title="Acknowledgements">
      {!record.requires_ack && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          This notice does not ask students to acknowledge it; some may still have.
        </Typography>
      )}
      <Stack direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap', mb: 2 }} aria-label="Acknowledgement counts">
        <Box sx={{ minWidth: 120 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            Audience
          </Typography>
          <Typography variant="h6" component="div">
            {`${audience.toLocaleString()} students`}
          </Typography>
        </Box>
        <CountBlock label="Read" value={read} of={audience} />
        <CountBlock label="Acknowledged" value={acked} of={audience} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1 }}>
        <ExportNotAcknowledgedButton noticeId={record.id} />
        {canListStudents && (
          <LinkButton to={listLink('students', { not_acknowledged_notice_id: record.id })} label="Open as call list" icon={<PhoneIcon />} />
        )}
      </Stack>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label="Students by acknowledgement" sx={{ borderBottom: 1, borderColor: 'divider', mb: 1 }}>
        <Tab value="no" label={`Not yet (${Math.max(0, audience - acked).toLocaleString()})`} />
        <Tab value="yes" label={`Acknowledged (${acked.toLocaleString()})`} />
      </Tabs>
      <AckList key={tab} noticeId={record.id} acknowledged={tab === 'yes'} />
    </Section>
  );
};

export const NoticeShow = () => (
  <Show title={<NoticeTitle />} actions={<Actions />}>
    <Summary />
    <Body />
    <AckReport />
  </Show>
);
