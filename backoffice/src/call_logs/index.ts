import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CallLogList = lazyNamed(() => import('./CallLogList'), 'CallLogList');

export const callLogs: ResourceProps = {
  name: 'call_logs',
  list: CallLogList,
  options: { label: 'Call logs' },
};

export default callLogs;
