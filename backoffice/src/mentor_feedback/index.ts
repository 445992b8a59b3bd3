import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MentorFeedbackList = lazyNamed(() => import('./MentorFeedbackList'), 'MentorFeedbackList');

export const mentorFeedback: ResourceProps = {
  name: 'mentor_feedback',
  list: MentorFeedbackList,
  options: { label: 'Meeting feedback' },
};

export default mentorFeedback;
