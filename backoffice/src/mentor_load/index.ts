import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MentorLoadList = lazyNamed(() => import('./MentorLoadList'), 'MentorLoadList');

/** Report (read-only): each mentor's load per mission; mentors see their own ("My load"). */
export const mentorLoad: ResourceProps = {
  name: 'mentor_load',
  list: MentorLoadList,
  options: { label: 'Mentor load' },
};

export default mentorLoad;
