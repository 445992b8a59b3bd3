import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  EmailField,
  List,
  SimpleList,
  useRecordContext,
} from 'react-admin';
import { formatDateTime } from '../common/format';
import { ListActions } from '../common/ListActions';
import { roleLabel } from '../common/roles';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { UserBulkActions } from './UserBulkActions';
import { userFilters } from './UserFilters';

const StatusChip = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={record.status === 'active' ? 'Active' : record.status === 'disabled' ? 'Disabled' : record.status}
      color={record.status === 'active' ? 'success' : 'default'}
      variant={record.status === 'active' ? 'outlined' : 'filled'}
    />
  );
};

const lastSignIn = (value: unknown) =>
  formatDateTime(value, 'Never');

export const UserList = () => {
  const isSmall = useIsSmall();
  // Only admins may change `status`: no selection checkboxes for the others.
  const isAdmin = useMe()?.role === 'admin';
  return (
    <List
      title="Users"
      filters={userFilters(isSmall)}
      actions={<ListActions><CreateButton label="Invite" /></ListActions>}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(record) => record.name}
          secondaryText={(record) => record.email}
          tertiaryText={(record) => `${roleLabel(record.role)}${record.status === 'disabled' ? ' · disabled' : ''}`}
          linkType="edit"
        />
      ) : (
        <DataTable bulkActionButtons={isAdmin ? <UserBulkActions /> : false} rowClick="edit">
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="email" label="Email" field={EmailField} />
          <DataTable.Col source="role" label="Role" render={(record) => roleLabel(record.role)} />
          <DataTable.Col source="status" label="Status">
            <StatusChip />
          </DataTable.Col>
          <DataTable.Col
            source="last_sign_in_at"
            label="Last sign-in"
            render={(record) => lastSignIn(record.last_sign_in_at)}
          />
        </DataTable>
      )}
    </List>
  );
};

