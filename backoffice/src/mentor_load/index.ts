import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import type { ResourceProps } from 'react-admin';
import { MentorLoadList } from './MentorLoadList';

/** Report (read-only): each mentor's load per mission; mentors see their own ("My load"). */
export const mentorLoad: ResourceProps = {
  name: 'mentor_load',
  list: MentorLoadList,
  icon: SupervisorAccountIcon,
  options: { label: 'Mentor load' },
};

export default mentorLoad;
