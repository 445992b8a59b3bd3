import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceProps } from 'react-admin';
import { MentorPairingList } from './MentorPairingList';

export const mentorPairings: ResourceProps = {
  name: 'mentor_pairings',
  list: MentorPairingList,
  icon: HandshakeIcon,
  options: { label: 'Mentor pairings' },
};

export default mentorPairings;
