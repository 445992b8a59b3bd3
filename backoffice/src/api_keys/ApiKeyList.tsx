import { Box } from '@mui/material';
import { DataTable, DeleteButton, List, SearchInput, SimpleList, TopToolbar, useNotify, useRecordContext } from 'react-admin';
import { formatDateTime, nowMs } from '../common/format';
import { lines } from '../common/ListParts';
import { useIsSmall } from '../common/useIsSmall';
import { mono } from '../ops/OpsParts';
import { NewApiKeyButton } from './NewApiKeyButton';

const expiresText = (value: unknown) => {
  if (!value) return 'Never';
  const text = formatDateTime(value);
  return new Date(String(value)).getTime() < nowMs() ? `${text} (expired)` : text;
};

const Prefix = () => {
  const record = useRecordContext();
  return record ? (
    <Box component="span" sx={{ ...mono, whiteSpace: 'nowrap' }}>
      {`${record.prefix}…`}
    </Box>
  ) : null;
};

const RevokeButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  return (
    <DeleteButton
      label="Revoke"
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle={`Revoke the key “${record.name}”?`}
      confirmContent="Anything still using it is refused from now on. This can't be undone; make a new key if needed."
      mutationOptions={{ onSuccess: () => notify('Key revoked: anything still using it is refused from now on.', { type: 'success' }) }}
    />
  );
};

/** Integration keys: admins see every key, developers their own. Revoking deletes the key. */
export const ApiKeyList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="API keys"
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Search name" />]}
      actions={
        <TopToolbar>
          <NewApiKeyButton />
        </TopToolbar>
      }
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) =>
            lines(
              `${r.prefix}… · ${r.user_name ?? ''}`,
              `Created ${formatDateTime(r.created_at)} · expires ${expiresText(r.expires_at)}`,
              `Last used ${formatDateTime(r.last_used_at, 'never')}`
            )
          }
          rowClick={false}
          tertiaryText={() => <RevokeButton />}
        />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="user_name" label="Acts as" disableSort render={(r) => `${r.user_name ?? ''} (${r.user_email ?? ''})`} />
          <DataTable.Col source="prefix" label="Key" disableSort>
            <Prefix />
          </DataTable.Col>
          <DataTable.Col source="created_at" label="Created" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col source="expires_at" label="Expires" render={(r) => expiresText(r.expires_at)} />
          <DataTable.Col source="last_used_at" label="Last used" render={(r) => formatDateTime(r.last_used_at, 'Never')} />
          <DataTable.Col label="" disableSort align="right">
            <RevokeButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
