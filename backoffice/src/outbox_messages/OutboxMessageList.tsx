import { DateTimeField } from '../common/DateTimes';
import { formatDateTime } from '../common/format';
import { DataTable, List, SearchInput, SelectInput, SimpleList, TextInput } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { useIsSmall } from '../common/useIsSmall';

const when = (value: unknown) =>
  formatDateTime(value);

const outboxFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search recipient or subject" />,
  <TextInput key="to" source="to" label="To (exact address)" type="email" resettable />,
  <SelectInput key="status" source="status" label="Status" choices={[
    { id: 'queued', name: 'Queued' },
    { id: 'sent', name: 'Sent' },
    { id: 'failed', name: 'Failed' },
    { id: 'recorded', name: 'Recorded, not sent' },
  ]} />,
];

const OutboxEmpty = () => (
  <Box sx={{ textAlign: 'center', py: 6, width: '100%' }}>
    <Typography variant="h6" component="p" color="text.secondary">
      No mail sent yet.
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Invitations, password resets and verification emails appear here with their delivery status.
    </Typography>
  </Box>
);

/** The mail outbox: every message with its delivery status (queued, sent, failed, recorded without SMTP). */
export const OutboxMessageList = () => {
  const isSmall = useIsSmall();
  return (
    <List title="Mail outbox" filters={outboxFilters} sort={{ field: 'created_at', order: 'DESC' }} perPage={25} exporter={false} empty={<OutboxEmpty />}>
      {isSmall ? (
        <SimpleList
          primaryText={(record) => record.subject}
          secondaryText={(record) => record.to}
          tertiaryText={(record) => when(record.created_at)}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="Created">
            <DateTimeField source="created_at" />
          </DataTable.Col>
          <DataTable.Col source="to" label="To" />
          <DataTable.Col source="subject" label="Subject" />
          <DataTable.Col source="transport" label="Sent via" />
          <DataTable.Col source="status" label="Status" />
        </DataTable>
      )}
    </List>
  );
};
