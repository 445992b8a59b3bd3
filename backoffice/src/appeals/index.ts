import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AppealList = lazyNamed(() => import('./AppealList'), 'AppealList');
const AppealShow = lazyNamed(() => import('./AppealShow'), 'AppealShow');

export const appeals: ResourceProps = {
  name: 'appeals',
  list: AppealList,
  show: AppealShow,
  options: { label: 'Appeals' },
};

export default appeals;
