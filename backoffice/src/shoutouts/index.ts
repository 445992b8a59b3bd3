import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const ShoutoutList = lazyNamed(() => import('./ShoutoutList'), 'ShoutoutList');

export const shoutouts: ResourceProps = {
  name: 'shoutouts',
  list: ShoutoutList,
  options: { label: 'Shout-outs' },
};

export default shoutouts;
