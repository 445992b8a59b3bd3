import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { BulkUpdateButton, useCanAccess, useListContext, useNotify } from 'react-admin';
import { useMe } from '../providers/useMe';

const accounts = (n: number) => (n === 1 ? '1 account' : `${n} accounts`);

/**
 * "Disable" / "Enable" the selected accounts in one request (dataProvider.updateMany →
 * PUT /users?filter={"id":[…]}). Disabling also ends the accounts' sessions (API side).
 * `status` is writable by admins only (the permission map has no field level), hence the role test.
 */
export const UserBulkActions = () => {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  const me = useMe();
  const { selectedIds, onUnselectItems } = useListContext();
  const notify = useNotify();
  if (!canAccess || me?.role !== 'admin') return null;
  const done = (verb: string) => () => {
    notify(`${accounts(selectedIds.length)} ${verb}.`, { type: 'info' });
    onUnselectItems();
  };
  return (
    <>
      <BulkUpdateButton
        label="Disable"
        data={{ status: 'disabled' }}
        icon={<BlockIcon />}
        mutationMode="pessimistic"
        confirmTitle="Disable the selected accounts?"
        confirmContent="They are signed out at once and cannot sign in until enabled again."
        onSuccess={done('disabled')}
      />
      <BulkUpdateButton
        label="Enable"
        data={{ status: 'active' }}
        icon={<CheckCircleIcon />}
        mutationMode="pessimistic"
        confirmTitle="Enable the selected accounts?"
        confirmContent="They can sign in again."
        onSuccess={done('enabled')}
      />
    </>
  );
};
