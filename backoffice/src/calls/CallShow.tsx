import { Grid } from '@mui/material';
import { EditButton, Link, Show, TopToolbar, useRecordContext } from 'react-admin';
import { CALL_STATUS_CHOICES } from '../common/choices';
import { formatDateTime, plural } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { OutcomeChip, ReasonChips } from '../common/RiskChips';
import { Section } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { CallHistory, CallScripts, PhoneLink, dueText, isOverdue } from './CallParts';
import { LogCallButton } from './LogCallButton';

export const CallTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Call: ${record.student_name}` : 'Call'}</span>;
};

/** Who, why, where it stands. */
export const CallSummary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Student">
        <Link to={`/students/${record.student_id}/show`}>{String(record.student_name ?? '')}</Link>
      </LabeledValue>
      {'student_phone' in record && (
        <LabeledValue label="Phone">
          <PhoneLink phone={record.student_phone} />
        </LabeledValue>
      )}
      <LabeledValue label="Reasons" size={{ xs: 12, sm: 8, md: 6 }}>
        <ReasonChips reasons={record.reasons} />
      </LabeledValue>
      <LabeledValue label="Call list">
        <Link to={`/call_lists/${record.call_list_id}/show`}>{String(record.list_title ?? '')}</Link>
      </LabeledValue>
      <LabeledValue label="Assigned to">{String(record.assignee_name ?? '')}</LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={CALL_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Due">
        {record.status === 'done' ? '—' : `${dueText(record.due_on)}${isOverdue(record) ? ' (overdue)' : ''}`}
      </LabeledValue>
      <LabeledValue label="Attempts">{plural(Number(record.attempts ?? 0), 'attempt')}</LabeledValue>
      <LabeledValue label="Last outcome">
        <OutcomeChip outcome={record.last_outcome} />
      </LabeledValue>
      <LabeledValue label="Last called">{formatDateTime(record.last_called_at, 'Never')}</LabeledValue>
    </Grid>
  );
};

/** The script to follow and what earlier calls heard, under a call's show and edit pages. */
export const CallSections = () => (
  <>
    <Section title="Suggested script">
      <CallScripts />
    </Section>
    <Section title="Call history">
      <CallHistory />
    </Section>
  </>
);

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <LogCallButton variant="contained" />
    <EditButton label="Reassign" />
  </TopToolbar>
);

/** One call: the student and why, "Log call", the suggested script per reason, and the call's history. */
export const CallShow = () => (
  <Show title={<CallTitle />} actions={<Actions />}>
    <CallSummary />
    <CallSections />
  </Show>
);
