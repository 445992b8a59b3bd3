import { Create, SimpleForm } from 'react-admin';
import { useMe } from '../providers/useMe';
import { NoticeInputs, pickNoticeFields } from './NoticeInputs';

export const NoticeCreate = () => {
  const role = useMe()?.role;
  return (
    <Create title="New notice" redirect="show" transform={pickNoticeFields}>
      <SimpleForm defaultValues={{ audience: role === 'admin' || role === 'manager' ? 'everyone' : 'mission', requires_ack: false, pinned: false }}>
        <NoticeInputs />
      </SimpleForm>
    </Create>
  );
};
