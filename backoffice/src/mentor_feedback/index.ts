import StarRateIcon from '@mui/icons-material/StarRate';
import type { ResourceProps } from 'react-admin';
import { MentorFeedbackList } from './MentorFeedbackList';

export const mentorFeedback: ResourceProps = {
  name: 'mentor_feedback',
  list: MentorFeedbackList,
  icon: StarRateIcon,
  options: { label: 'Meeting feedback' },
};

export default mentorFeedback;
