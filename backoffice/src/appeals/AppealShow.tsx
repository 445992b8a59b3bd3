import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Grid, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  Link,
  RecordContextProvider,
  Show,
  useCanAccess,
  useGetOne,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { APPEAL_STATUS_CHOICES, CASE_KIND_CHOICES, choiceName } from '../common/choices';
import { errorMessage } from '../common/errors';
import { formatDateTime } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { Section } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { LiveActionChip } from '../integrity_cases/CaseList';
import { useSmsDataProvider } from '../providers/dataProvider';

const AppealTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Appeal #${record.id} — ${record.student_name}` : 'Appeal'}</span>;
};

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Student">
        <Link to={`/students/${record.student_id}/show`}>{String(record.student_name ?? '')}</Link>
      </LabeledValue>
      <LabeledValue label="Case">
        <Link to={`/integrity_cases/${record.case_id}/show`}>{`#${record.case_id} · ${choiceName(CASE_KIND_CHOICES, record.case_kind)}`}</Link>
      </LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={APPEAL_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Filed">{formatDateTime(record.created_at)}</LabeledValue>
      <LabeledValue label="The student's statement" size={12}>
        <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
          {String(record.statement ?? '')}
        </Box>
      </LabeledValue>
      {record.link ? (
        <LabeledValue label="Link" size={12}>
          <MuiLink href={String(record.link)} target="_blank" rel="noopener noreferrer">
            {String(record.link)}
          </MuiLink>
        </LabeledValue>
      ) : null}
      {record.status !== 'open' && (
        <LabeledValue label="Decision" size={12}>
          <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {`${choiceName(APPEAL_STATUS_CHOICES, record.status)} by ${record.decided_by_name}, ${formatDateTime(record.decided_at)}: ${
              record.decision_note ?? ''
            }`}
          </Box>
        </LabeledValue>
      )}
    </Grid>
  );
};

/** The case appealed against: what happened and the action in force. */
const CaseContext = () => {
  const record = useRecordContext();
  const { data: kase } = useGetOne('integrity_cases', { id: record?.case_id }, { enabled: record?.case_id != null });
  if (!kase) return null;
  return (
    <Section title="The case">
      <Grid container spacing={2}>
        <LabeledValue label="Opened">{`${formatDateTime(kase.created_at)} by ${kase.opened_by_name}`}</LabeledValue>
        <LabeledValue label="Action in force" size={{ xs: 12, sm: 8 }}>
          <RecordContextProvider value={kase}>
            <LiveActionChip />
          </RecordContextProvider>
        </LabeledValue>
        <LabeledValue label="What happened" size={12}>
          <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {String(kase.description ?? '')}
          </Box>
        </LabeledValue>
      </Grid>
    </Section>
  );
};

/** Accept (lifts every action in force on the case, restoring access) or reject, with a note for the student. */
const DecideForm = () => {
  const record = useRecordContext();
  // Deciding is for SREs and admins: the roles that take and lift integrity actions.
  const { canAccess } = useCanAccess({ resource: 'integrity_actions', action: 'edit' });
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'open' || !canAccess) return null;

  const decide = (decision: 'accept' | 'reject') => async () => {
    setTouched(true);
    if (!note.trim()) return;
    setBusy(true);
    try {
      await dataProvider.decideAppeal(record.id, decision, note.trim());
      notify(decision === 'accept' ? 'Appeal accepted: the case is closed and access restored.' : 'Appeal rejected: the decision stands.', {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Decide" id="decide-heading">
      <Stack spacing={2} sx={{ maxWidth: 720 }}>
        <Alert severity="info">
          Accepting lifts every action in force on the case and closes it; the student's access is restored at once. Rejecting
          keeps them. Either way the student is emailed your note.
        </Alert>
        <TextField
          label="Note for the student"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && !note.trim()}
          helperText={touched && !note.trim() ? 'Write a note for the student.' : 'The student reads it.'}
          multiline
          minRows={3}
          required
          fullWidth
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <MuiButton variant="contained" color="success" startIcon={<CheckIcon />} onClick={decide('accept')} disabled={busy}>
            Accept appeal
          </MuiButton>
          <MuiButton variant="outlined" color="error" startIcon={<CloseIcon />} onClick={decide('reject')} disabled={busy}>
            Reject appeal
          </MuiButton>
        </Stack>
        <Typography variant="caption" color="text.secondary">
          Every decision is recorded in the audit log.
        </Typography>
      </Stack>
    </Section>
  );
};

export const AppealShow = () => (
  <Show title={<AppealTitle />}>
    <Summary />
    <DecideForm />
    <CaseContext />
  </Show>
);
