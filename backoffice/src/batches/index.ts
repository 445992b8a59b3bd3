import type { ResourceProps } from 'react-admin';
import { batchLabel } from '../common/format';
import { lazyNamed } from '../common/lazyNamed';

const BatchCreate = lazyNamed(() => import('./BatchCreate'), 'BatchCreate');
const BatchEdit = lazyNamed(() => import('./BatchEdit'), 'BatchEdit');
const BatchList = lazyNamed(() => import('./BatchList'), 'BatchList');
const BatchShow = lazyNamed(() => import('./BatchShow'), 'BatchShow');

export const batches: ResourceProps = {
  name: 'batches',
  list: BatchList,
  create: BatchCreate,
  edit: BatchEdit,
  show: BatchShow,
  options: { label: 'Batches' },
  recordRepresentation: (record) => batchLabel(record),
};

export default batches;
