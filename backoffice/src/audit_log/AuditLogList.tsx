import { DateTimeField } from '../common/DateTimes';
import { formatDateTime } from '../common/format';
import { DataTable, List, SimpleList } from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';
import { ActorField } from './ActorField';
import { auditLogFilters } from './AuditLogFilters';
import { EstimatedPagination } from '../common/EstimatedPagination';

const when = (value: unknown) =>
  formatDateTime(value);

export const AuditLogList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="Audit log"
      filters={auditLogFilters(isSmall)}
      sort={{ field: 'at', order: 'DESC' }}
      pagination={<EstimatedPagination />}
      perPage={50}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(record) => `${record.action} · ${record.resource}${record.record_id != null ? ` #${record.record_id}` : ''}`}
          secondaryText={(record) => when(record.at)}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="at" label="At">
            <DateTimeField source="at" />
          </DataTable.Col>
          <DataTable.Col source="actor_user_id" label="Actor" disableSort>
            <ActorField />
          </DataTable.Col>
          <DataTable.Col source="action" label="Action" />
          <DataTable.Col source="resource" label="Resource" />
          <DataTable.Col source="record_id" label="Record" />
        </DataTable>
      )}
    </List>
  );
};
