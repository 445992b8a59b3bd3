import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const UserCreate = lazyNamed(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyNamed(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyNamed(() => import('./UserList'), 'UserList');

export const users: ResourceProps = {
  name: 'users',
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  options: { label: 'Users' },
  recordRepresentation: 'name',
};

export default users;
