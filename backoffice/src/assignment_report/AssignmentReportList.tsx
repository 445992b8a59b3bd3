import type { MouseEvent } from 'react';
import { Box, Typography } from '@mui/material';
import { DataTable, Link, List, NullableBooleanInput, SearchInput, SelectInput, SimpleList, useListContext } from 'react-admin';
import { SubmissionBar, SubmissionLegend } from '../charts/SubmissionBar';
import { dayOf, formatDateTime, formatPercent, listLink, nowMs } from '../common/format';
import { ListActions } from '../common/ListActions';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

/** A row of the report as the API sends it. */
type Row = Record<string, any>;

const BELOW_CHOICES = [0.25, 0.5, 0.75, 0.9].map((share) => ({ id: share, name: `Below ${Math.round(share * 100)}%` }));

/** The mission chooser narrowed to the batch chosen beside it. */
const MissionInBatchInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  return <MissionInput {...props} batchId={filterValues?.batch_id} />;
};

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInBatchInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <NullableBooleanInput
    key="deadline_passed"
    source="deadline_passed"
    label="Deadline passed"
    nullLabel="Either"
    trueLabel="Passed"
    falseLabel="Still open"
    alwaysOn={!isSmall}
    sx={{ minWidth: 160 }}
  />,
  <SelectInput key="submission_rate_lt" source="submission_rate_lt" label="Submission rate" choices={BELOW_CHOICES} alwaysOn={!isSmall} />,
];

const rtf = typeof Intl !== 'undefined' && 'RelativeTimeFormat' in Intl ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;

/** "in 3 days", "2 hours ago" from an instant. */
export const relativeTime = (value: unknown, now = nowMs()): string => {
  if (!value || !rtf) return '';
  const seconds = (new Date(String(value)).getTime() - now) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  // Whole calendar days in the user's zone, so "tomorrow, 23:59" is "tomorrow", not "in 2 days".
  const days = Math.round((Date.parse(dayOf(new Date(String(value)))) - Date.parse(dayOf(now))) / 86_400_000);
  return rtf.format(days, 'day');
};

/** The deadline in the viewer's time, and how far it is: "1 Dec 2026, 23:59" over "in 3 days". */
const Deadline = ({ record }: { record: Row }) => (
  <Box sx={{ whiteSpace: 'nowrap' }}>
    {formatDateTime(record.deadline)}
    <Typography variant="caption" color={record.deadline_passed ? 'text.secondary' : 'info.main'} sx={{ display: 'block' }}>
      {relativeTime(record.deadline)}
    </Typography>
  </Box>
);

const stop = (e: MouseEvent) => e.stopPropagation();

/** A count that opens the submissions it counts (or the students who have not submitted). */
const CountLink = ({ n, to, label }: { n: unknown; to: string; label: string }) =>
  Number(n) > 0 ? (
    <Link to={to} onClick={stop} aria-label={`${label}: ${n}`}>
      {Number(n).toLocaleString()}
    </Link>
  ) : (
    <span>{n == null ? '—' : String(n)}</span>
  );

const submissionsOf = (r: Row, status: string) => listLink('submissions', { assignment_id: r.id, status });
const missingOf = (r: Row) => listLink('students', { missing_assignment_id: r.id });

/** "64%" with the on time / late / missing bar under it. */
const Rate = ({ record }: { record: Row }) => (
  <Box sx={{ minWidth: 96 }}>
    <span>{formatPercent(record.submission_rate)}</span>
    <Box sx={{ mt: 0.5 }}>
      <SubmissionBar record={record} />
    </Box>
  </Box>
);

const gradeText = (r: Row) => (r.average_grade == null ? '—' : Number(r.average_grade).toLocaleString(undefined, { maximumFractionDigits: 1 }));
const scopeText = (r: Row) => `${r.batch_code} · ${r.mission_code}`;
const nowrap = () => ({ whiteSpace: 'nowrap' as const });
/** Eleven columns: narrower cell padding so they fit beside the menu at 1280 px. */
const compactCells = { '& .MuiTableCell-root': { px: 1 }, '& .MuiTableCell-root:first-of-type': { pl: 2 } };

const NoRows = () => (
  <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
    No assignment matches these filters.
  </Typography>
);

const Legend = () => (
  <Box sx={{ px: 2, pt: 1.5 }}>
    <SubmissionLegend />
  </Box>
);

/**
 * "Assignments report": per assignment, the enrolled students who submitted on time, late, or not at all
 * once the deadline has passed, the submission rate and grades. Counts open the rows they count.
 */
export const AssignmentReportList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Assignments report"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'deadline', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <Legend />
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${scopeText(r)} · #${r.number} ${r.title}`}
          secondaryText={(r) => (
            <>
              {lines(
                `Due ${formatDateTime(r.deadline)} (${relativeTime(r.deadline)})`,
                `${formatPercent(r.submission_rate)} submitted: ${r.on_time} on time · ${r.late} late${r.missing == null ? '' : ` · ${r.missing} missing`}`,
                `${r.graded} graded${r.average_grade == null ? '' : ` · average ${gradeText(r)}`}`
              )}
              <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                <SubmissionBar record={r} />
              </Box>
            </>
          )}
          rowClick={(id) => `/assignments/${id}/show`}
        />
      ) : (
        <DataTable rowClick={(id) => `/assignments/${id}/show`} bulkActionButtons={false} empty={<NoRows />} sx={compactCells}>
          <DataTable.Col source="mission_code" label="Mission" cellSx={nowrap} render={scopeText} />
          <DataTable.NumberCol source="number" label="#" />
          <DataTable.Col source="title" label="Title" disableSort cellSx={() => ({ minWidth: 120 })} />
          <DataTable.Col source="deadline" label="Deadline (your time)" render={(r) => <Deadline record={r} />} />
          <DataTable.NumberCol source="enrolled" label="Enrolled" disableSort />
          <DataTable.Col
            align="right"
            source="on_time"
            label="On time"
            disableSort
            render={(r) => <CountLink n={r.on_time} to={submissionsOf(r, 'on_time')} label="On time" />}
          />
          <DataTable.Col align="right" source="late" label="Late" render={(r) => <CountLink n={r.late} to={submissionsOf(r, 'late')} label="Late" />} />
          <DataTable.Col align="right" source="missing" label="Missing" render={(r) => <CountLink n={r.missing} to={missingOf(r)} label="Missing" />} />
          <DataTable.Col source="submission_rate" label="Rate" render={(r) => <Rate record={r} />} />
          <DataTable.NumberCol source="graded" label="Graded" disableSort />
          <DataTable.Col align="right" source="average_grade" label="Avg grade" render={gradeText} />
        </DataTable>
      )}
    </List>
  );
};
