import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CallEdit = lazyNamed(() => import('./CallEdit'), 'CallEdit');
const CallList = lazyNamed(() => import('./CallList'), 'CallList');
const CallShow = lazyNamed(() => import('./CallShow'), 'CallShow');

/** Calls to make (SREs: "My calls", their follow-up queue). */
export const calls: ResourceProps = {
  name: 'calls',
  list: CallList,
  show: CallShow,
  edit: CallEdit,
  options: { label: 'Calls' },
  recordRepresentation: (r) => `Call to ${r.student_name}`,
};

export default calls;
