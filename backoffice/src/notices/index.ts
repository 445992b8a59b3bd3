import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const NoticeCreate = lazyNamed(() => import('./NoticeCreate'), 'NoticeCreate');
const NoticeEdit = lazyNamed(() => import('./NoticeEdit'), 'NoticeEdit');
const NoticeList = lazyNamed(() => import('./NoticeList'), 'NoticeList');
const NoticeShow = lazyNamed(() => import('./NoticeShow'), 'NoticeShow');

export const notices: ResourceProps = {
  name: 'notices',
  list: NoticeList,
  create: NoticeCreate,
  edit: NoticeEdit,
  show: NoticeShow,
  options: { label: 'Notices' },
  recordRepresentation: 'title',
};

export default notices;
