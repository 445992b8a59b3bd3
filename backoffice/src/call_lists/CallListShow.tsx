import { useState } from 'react';
import { Box, Grid, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { EditButton, Link, ReferenceManyField, Show, TopToolbar, useGetList, useRecordContext } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatDateTime } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { None, Section, SectionToolbar } from '../common/Section';
import { CallTable } from '../calls/CallTable';

export const CallListTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Call list: ${record.title}` : 'Call list'}</span>;
};

/** How many calls the list holds, and how many are open (totals only: one row each). */
const useCallCount = (callListId: unknown, status?: string) =>
  useGetList(
    'calls',
    { filter: { call_list_id: callListId, ...(status ? { status } : {}) }, pagination: { page: 1, perPage: 0 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: callListId != null }
  ).total;

const criteriaText = (criteria: unknown) => {
  const c = (criteria && typeof criteria === 'object' ? criteria : {}) as { risk?: string[]; include_open?: boolean; sre_ids?: unknown[] | null };
  const risk = Array.isArray(c.risk) && c.risk.length ? `${c.risk.join(' and ')} risk` : '—';
  const parts = [risk, c.include_open ? 'including students already on an open call' : '', Array.isArray(c.sre_ids) ? `${c.sre_ids.length} chosen SREs` : 'all SREs'];
  return parts.filter(Boolean).join(' · ');
};

const Summary = () => {
  const record = useRecordContext();
  const total = useCallCount(record?.id);
  const open = useCallCount(record?.id, 'open');
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Batch">
        {record.batch_id ? <Link to={`/batches/${record.batch_id}/show`}>{String(record.batch_code ?? '')}</Link> : '—'}
      </LabeledValue>
      <LabeledValue label="Mission">
        {record.mission_id ? <Link to={`/missions/${record.mission_id}/show`}>{String(record.mission_code ?? '')}</Link> : '—'}
      </LabeledValue>
      <LabeledValue label="Made by">{String(record.creator_name ?? '')}</LabeledValue>
      <LabeledValue label="Created">{formatDateTime(record.created_at)}</LabeledValue>
      <LabeledValue label="Calls">{total == null ? '…' : `${total.toLocaleString()} (${(open ?? 0).toLocaleString()} open)`}</LabeledValue>
      <LabeledValue label="Who" size={{ xs: 12, sm: 8 }}>
        {criteriaText(record.criteria)}
      </LabeledValue>
    </Grid>
  );
};

/** The list's calls, open or done, with "Log call" on each. */
const Calls = () => {
  const record = useRecordContext();
  const [status, setStatus] = useState<'' | 'open' | 'done'>('');
  if (!record) return null;
  return (
    <Section title="Calls">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={status}
        onChange={(_e, value) => value !== null && setStatus(value)}
        aria-label="Show calls"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="">All</ToggleButton>
        <ToggleButton value="open">Open</ToggleButton>
        <ToggleButton value="done">Done</ToggleButton>
      </ToggleButtonGroup>
      <ReferenceManyField
        reference="calls"
        target="call_list_id"
        filter={status ? { status } : {}}
        sort={{ field: 'due_on', order: 'ASC' }}
        perPage={50}
        pagination={<CompactPagination />}
      >
        <SectionToolbar>
          <ExportCsvButton filter={{ call_list_id: record.id, ...(status ? { status } : {}) }} />
        </SectionToolbar>
        <Box sx={{ minWidth: 0 }}>
          <CallTable empty={<None text={status ? `No ${status} call.` : 'No call on this list.'} />} />
        </Box>
      </ReferenceManyField>
    </Section>
  );
};

const Actions = () => (
  <TopToolbar>
    <EditButton label="Rename" />
  </TopToolbar>
);

/** A call list: its scope and criteria, then its calls with their assignee, status and "Log call". */
export const CallListShow = () => (
  <Show title={<CallListTitle />} actions={<Actions />}>
    <Summary />
    <Calls />
  </Show>
);
