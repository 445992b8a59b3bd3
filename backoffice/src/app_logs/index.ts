import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AppLogList = lazyNamed(() => import('./AppLogList'), 'AppLogList');

export const appLogs: ResourceProps = {
  name: 'app_logs',
  list: AppLogList,
  options: { label: 'Logs' },
};

export default appLogs;
