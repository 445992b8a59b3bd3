import { DataTable, List, SearchInput, SelectInput, SimpleList, useRefresh } from 'react-admin';
import { useRefreshOnEvents } from '../dashboard/live-events';
import { TICKET_RECIPIENT_CHOICES, TICKET_STATUS_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDateTime, formatElapsed } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { MissionInput } from '../common/ReferenceInputs';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search subject or student" />,
  <SelectInput key="status" source="status" label="Status" choices={TICKET_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="recipient" source="recipient" label="To" choices={TICKET_RECIPIENT_CHOICES} alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" />,
];

/** "Unanswered for 3 h" while the student waits for staff; empty otherwise. */
export const waitingText = (r: Record<string, unknown>) => (r.waiting_since ? `Unanswered for ${formatElapsed(r.waiting_since)}` : '');

export const recipientText = (r: Record<string, unknown>) =>
  `${choiceName(TICKET_RECIPIENT_CHOICES, r.recipient)}${r.mission_code ? ` · ${r.mission_code}` : ''}`;

/** The ticket inbox: students' threads to their mentor (mentors) or to the SRE team (SREs); admins see all. */
export const TicketList = () => {
  const isSmall = useIsSmall();
  // New tickets and replies appear as they are written (GET /events).
  useRefreshOnEvents(['tickets', 'ticket_messages'], useRefresh());
  return (
    <List
      sx={wideFiltersSx}
      title="Tickets"
      filters={filters(isSmall)}
      filterDefaultValues={{ status: 'open' }}
      actions={<ListActions />}
      sort={{ field: 'last_message_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.subject}
          secondaryText={(r) => lines(`${r.student_name} · ${recipientText(r)}`, waitingText(r) || choiceName(TICKET_STATUS_CHOICES, r.status))}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="waiting_since" label="Waiting" render={(r) => waitingText(r) || '—'} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="subject" label="Subject" disableSort />
          <DataTable.Col source="student_name" label="Student" disableSort>
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="recipient" label="To" disableSort render={recipientText} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={TICKET_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.NumberCol source="message_count" label="Messages" disableSort />
          <DataTable.Col source="last_message_at" label="Last message" render={(r) => formatDateTime(r.last_message_at)} />
        </DataTable>
      )}
    </List>
  );
};
