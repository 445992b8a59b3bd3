import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CallListEdit = lazyNamed(() => import('./CallListEdit'), 'CallListEdit');
const CallListList = lazyNamed(() => import('./CallListList'), 'CallListList');
const CallListShow = lazyNamed(() => import('./CallListShow'), 'CallListShow');

export const callLists: ResourceProps = {
  name: 'call_lists',
  list: CallListList,
  show: CallListShow,
  edit: CallListEdit,
  options: { label: 'Call lists' },
  recordRepresentation: 'title',
};

export default callLists;
