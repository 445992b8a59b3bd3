import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const SreList = lazyNamed(() => import('./SreList'), 'SreList');

export const sres: ResourceProps = {
  name: 'sres',
  list: SreList,
  options: { label: 'SREs' },
  recordRepresentation: 'name',
};

export default sres;
