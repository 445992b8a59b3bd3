import CelebrationIcon from '@mui/icons-material/Celebration';
import type { ResourceProps } from 'react-admin';
import { ShoutoutList } from './ShoutoutList';

export const shoutouts: ResourceProps = {
  name: 'shoutouts',
  list: ShoutoutList,
  icon: CelebrationIcon,
  options: { label: 'Shout-outs' },
};

export default shoutouts;
