import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MentorPairingList = lazyNamed(() => import('./MentorPairingList'), 'MentorPairingList');

export const mentorPairings: ResourceProps = {
  name: 'mentor_pairings',
  list: MentorPairingList,
  options: { label: 'Mentor pairings' },
};

export default mentorPairings;
