import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const ImportList = lazyNamed(() => import('./ImportList'), 'ImportList');
const ImportShow = lazyNamed(() => import('./ImportShow'), 'ImportShow');

export const imports: ResourceProps = {
  name: 'imports',
  list: ImportList,
  show: ImportShow,
  options: { label: 'Imports' },
};

export default imports;
