import { ReferenceField, TextField, useCanAccess, useRecordContext } from 'react-admin';
import { roleLabel } from '../common/roles';

/**
 * Who made the change: the user's name when this user may read users (admins), else
 * "User #id"; with the actor's role at the time. System changes have no actor.
 */
export const ActorField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  if (!record) return null;
  if (record.actor_user_id == null) return <span>System</span>;
  const role = record.actor_role ? ` (${roleLabel(record.actor_role)})` : '';
  if (!canAccess) return <span>User #{String(record.actor_user_id)}{role}</span>;
  return (
    <span>
      <ReferenceField source="actor_user_id" reference="users" link="edit" emptyText={`User #${record.actor_user_id}`}>
        <TextField source="name" />
      </ReferenceField>
      {role}
    </span>
  );
};
