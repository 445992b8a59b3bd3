import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ResourceProps } from 'react-admin';
import { SubmissionList } from './SubmissionList';

export const submissions: ResourceProps = {
  name: 'submissions',
  list: SubmissionList,
  icon: AssignmentTurnedInIcon,
  options: { label: 'Submissions' },
};

export default submissions;
