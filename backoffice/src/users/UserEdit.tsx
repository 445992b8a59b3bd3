import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { ResetTwoFactorButton } from '../auth/ResetTwoFactorButton';
import { useMe } from '../providers/useMe';
import { UserInputs } from './UserInputs';

const ADMIN_FIELDS = ['name', 'phone', 'role', 'status', 'timezone'] as const;
const SELF_FIELDS = ['name', 'phone', 'timezone'] as const;

/** Only the fields this form edits are sent (the API rejects fields the user may not write). */
const pickEditable = (fields: readonly string[]) => (data: Record<string, unknown>) =>
  Object.fromEntries(
    fields.filter((k) => k in data).map((k) => [k, typeof data[k] === 'string' ? (data[k] as string).trim() || null : data[k]]),
  );

const UserTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `User: ${record.name}` : 'User'}</span>;
};

/** Save only: accounts are disabled, not deleted (their history stays in the audit log). */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
    <ResetTwoFactorButton />
  </Toolbar>
);

export const UserEdit = () => {
  // role and status are admin-only fields; other roles reach this page only for themselves
  const isAdmin = useMe()?.role === 'admin';
  return (
    <Edit title={<UserTitle />} mutationMode="pessimistic" transform={pickEditable(isAdmin ? ADMIN_FIELDS : SELF_FIELDS)}>
      <SimpleForm toolbar={<UserEditToolbar />}>
        <UserInputs mode="edit" canManage={isAdmin} />
      </SimpleForm>
    </Edit>
  );
};
