import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const BatchEnrolmentList = lazyNamed(() => import('./BatchEnrolmentList'), 'BatchEnrolmentList');

export const batchEnrolments: ResourceProps = {
  name: 'batch_enrolments',
  list: BatchEnrolmentList,
  options: { label: 'Batch enrolments' },
};

export default batchEnrolments;
