import { Accordion, AccordionDetails, AccordionSummary, Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { DataTable, ReferenceManyField, SimpleList, useGetList, useRecordContext, type RaRecord } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { StudentLink } from '../common/ListParts';
import { formatDateTime, formatDay, relativeDay, todayIso } from '../common/format';
import { OutcomeChip, outcomeText, reasonText, reasonsOf } from '../common/RiskChips';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

/** "Today", "Tomorrow", "Yesterday" or the day, for a call's due date. */
export const dueText = (day: unknown): string => relativeDay(day);

/** An open call due before today (the user's day in their profile zone). */
export const isOverdue = (r: Record<string, unknown>) => r.status === 'open' && Boolean(r.due_on) && String(r.due_on).slice(0, 10) < todayIso();

/** The student's phone as a tap-to-call link (a row click is not triggered). */
export const PhoneLink = ({ phone }: { phone: unknown }) =>
  phone ? (
    <MuiLink href={`tel:${String(phone).replace(/[^+\d]/g, '')}`} onClick={(e) => e.stopPropagation()} sx={{ whiteSpace: 'nowrap' }}>
      {String(phone)}
    </MuiLink>
  ) : (
    <span>—</span>
  );

/** The call scripts' titles by reason (one request for the four of them), for list columns. */
export const useScriptTitles = (enabled = true): Record<string, string> => {
  const me = useMe();
  const { data = [] } = useGetList(
    'call_scripts',
    { pagination: { page: 1, perPage: 50 }, sort: { field: 'reason', order: 'ASC' } },
    { enabled: enabled && can(me?.permissions, 'call_scripts', 'list'), staleTime: 60_000 }
  );
  return Object.fromEntries(data.map((s) => [String(s.reason), String(s.title)]));
};

/** The suggested script for each of the call's reasons (the call's record, or the given reasons). */
export const CallScripts = ({ reasons, folded = false }: { reasons?: unknown; folded?: boolean }) => {
  const record = useRecordContext();
  const me = useMe();
  const list = reasonsOf(reasons ?? record?.reasons);
  const wanted = list.length ? list : ['other'];
  const { data = [], isPending } = useGetList(
    'call_scripts',
    { filter: { reason: wanted }, pagination: { page: 1, perPage: 10 }, sort: { field: 'reason', order: 'ASC' } },
    { enabled: can(me?.permissions, 'call_scripts', 'list') }
  );
  if (isPending) return null;
  if (data.length === 0) return <None text="No script for these reasons." />;
  // In the order of the call's reasons.
  const scripts = [...data].sort((a, b) => wanted.indexOf(String(a.reason)) - wanted.indexOf(String(b.reason)));
  if (folded) {
    return (
      <Box>
        {scripts.map((script) => (
          <Accordion key={script.id} disableGutters variant="outlined">
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography variant="body2">{`Script: ${script.title}`}</Typography>
            </AccordionSummary>
            <AccordionDetails>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {String(script.body)}
              </Typography>
            </AccordionDetails>
          </Accordion>
        ))}
      </Box>
    );
  }
  return (
    <Stack spacing={2} aria-label="Suggested scripts" component="div">
      {scripts.map((script) => (
        <Box key={script.id} component="article" aria-label={String(script.title)}>
          <Typography variant="subtitle2" component="h3">
            {`${script.title} (${reasonText(String(script.reason))})`}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
            {String(script.body)}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

const followUpText = (r: RaRecord) => (r.follow_up_on ? formatDay(r.follow_up_on) : '—');

/** The call log rows of a list context (a call's history, a student's calls, the call logs list). */
export const CallLogTable = ({ showStudent = false, empty }: { showStudent?: boolean; empty: React.ReactElement }) => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList
        primaryText={(r) => `${outcomeText(r.outcome)}${showStudent ? ` · ${r.student_name}` : ''}`}
        secondaryText={(r) => (
          <>
            <span style={{ display: 'block' }}>{`${formatDateTime(r.called_at)} · ${r.caller_name}`}</span>
            {r.follow_up_on && <span style={{ display: 'block' }}>{`Follow up ${formatDay(r.follow_up_on)}`}</span>}
            {r.notes && <span style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{String(r.notes)}</span>}
          </>
        )}
        rowClick={showStudent ? (_id, _res, r) => `/students/${r.student_id}/show` : false}
        empty={empty}
      />
    );
  }
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
      <DataTable.Col source="called_at" label="Called" render={(r) => formatDateTime(r.called_at)} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      {showStudent && (
        <DataTable.Col source="student_name" label="Student" disableSort>
          <StudentLink />
        </DataTable.Col>
      )}
      <DataTable.Col source="caller_name" label="Caller" disableSort />
      <DataTable.Col source="outcome" label="Outcome" render={(r) => <OutcomeChip outcome={r.outcome} />} />
      <DataTable.Col source="follow_up_on" label="Follow up" render={followUpText} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <DataTable.Col
        source="notes"
        label="Notes"
        disableSort
        render={(r) => r.notes || '—'}
        cellSx={() => ({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 160 })}
      />
    </DataTable>
  );
};

/** A call's log history, latest first. */
export const CallHistory = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <ReferenceManyField reference="call_logs" target="call_id" sort={{ field: 'called_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
      <CallLogTable empty={<None text="Not called yet." />} />
    </ReferenceManyField>
  );
};
