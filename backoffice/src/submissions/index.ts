import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const SubmissionList = lazyNamed(() => import('./SubmissionList'), 'SubmissionList');

export const submissions: ResourceProps = {
  name: 'submissions',
  list: SubmissionList,
  options: { label: 'Submissions' },
};

export default submissions;
