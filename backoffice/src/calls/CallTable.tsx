import type { ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import { DataTable, SimpleList, useRecordContext } from 'react-admin';
import { CALL_STATUS_CHOICES, choiceName } from '../common/choices';
import { plural } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { OutcomeChip, ReasonChips, outcomeText, reasonsOf, reasonsText } from '../common/RiskChips';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { PhoneLink, dueText, isOverdue, useScriptTitles } from './CallParts';
import { LogCallButton } from './LogCallButton';
import { useMe } from '../providers/useMe';

/** Roles the API sends the students' phone numbers to on calls. */
const SEES_CONTACTS = new Set(['admin', 'sre']);

/** The due day, red when overdue; nothing more once the call is done. */
const Due = ({ record }: { record: Record<string, unknown> }) => (
  <Typography variant="body2" component="span" color={isOverdue(record) ? 'error' : undefined} sx={{ whiteSpace: 'nowrap' }}>
    {record.status === 'done' ? '—' : `${dueText(record.due_on)}${isOverdue(record) ? ' (overdue)' : ''}`}
  </Typography>
);

const PhoneCell = () => {
  const record = useRecordContext();
  return record ? <PhoneLink phone={record.student_phone} /> : null;
};

const lastText = (r: Record<string, unknown>) => (r.last_outcome ? `last: ${outcomeText(r.last_outcome)}` : 'not called yet');

/**
 * The calls of a list context (the follow-up queue, a call list's calls, a student's calls): a table
 * with "Log call" on each row, or a simple list on phones (a row opens the call, with its script and
 * "Log call").
 */
export const CallTable = ({
  showStudent = true,
  showList = false,
  showAssignee = true,
  showScript = false,
  empty,
}: {
  /** Off on the student's own page. */
  showStudent?: boolean;
  showList?: boolean;
  showAssignee?: boolean;
  showScript?: boolean;
  empty: ReactElement;
}) => {
  const isSmall = useIsSmall();
  const scripts = useScriptTitles(showScript && !isSmall);
  const me = useMe();
  const seesPhone = SEES_CONTACTS.has(me?.role ?? '');
  if (isSmall) {
    return (
      <SimpleList
        primaryText={(r) => (showStudent ? r.student_name : String(r.list_title ?? 'Call'))}
        secondaryText={(r) =>
          lines(
            [r.student_phone, reasonsText(r.reasons)].filter(Boolean).join(' · '),
            r.status === 'done'
              ? `Done · ${plural(Number(r.attempts ?? 0), 'attempt')} · ${lastText(r)}`
              : `Due ${dueText(r.due_on).toLowerCase()}${isOverdue(r) ? ' (overdue)' : ''} · ${plural(Number(r.attempts ?? 0), 'attempt')} · ${lastText(r)}`,
            showAssignee && `Assigned to ${r.assignee_name}`,
            showList && showStudent && String(r.list_title ?? '')
          )
        }
        tertiaryText={(r) => choiceName(CALL_STATUS_CHOICES, r.status)}
        rowClick={(id) => `/calls/${id}/show`}
        empty={empty}
      />
    );
  }
  return (
    <DataTable bulkActionButtons={false} rowClick={(id) => `/calls/${id}/show`} empty={empty}>
      {showStudent && (
        <DataTable.Col source="student_name" label="Student" cellSx={() => ({ minWidth: 130 })}>
          <StudentLink />
          {seesPhone && (
            <Typography variant="body2" component="div" sx={{ mt: 0.25 }}>
              <PhoneCell />
            </Typography>
          )}
        </DataTable.Col>
      )}
      <DataTable.Col source="reasons" label="Reasons" disableSort render={(r) => <ReasonChips reasons={r.reasons} />} />
      {showScript && (
        <DataTable.Col
          source="script"
          label="Script"
          disableSort
          render={(r) => scripts[reasonsOf(r.reasons)[0] ?? 'other'] ?? '—'}
          cellSx={() => ({ minWidth: 120 })}
        />
      )}
      {showList && <DataTable.Col source="list_title" label="Call list" disableSort />}
      {showAssignee && <DataTable.Col source="assignee_name" label="Assigned to" />}
      <DataTable.Col source="status" label="Status">
        <StatusChip choices={CALL_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="due_on" label="Due" render={(r) => <Due record={r} />} />
      <DataTable.Col
        source="attempts"
        label="Attempts, last outcome"
        render={(r) => (
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap' }}>
            <span>{Number(r.attempts ?? 0)}</span>
            {r.last_outcome ? <OutcomeChip outcome={r.last_outcome} /> : null}
          </Box>
        )}
      />
      <DataTable.Col label="" disableSort align="right">
        <Box sx={{ whiteSpace: 'nowrap' }}>
          <LogCallButton />
        </Box>
      </DataTable.Col>
    </DataTable>
  );
};
