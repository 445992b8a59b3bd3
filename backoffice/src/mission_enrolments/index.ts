import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import type { ResourceProps } from 'react-admin';
import { MissionEnrolmentList } from './MissionEnrolmentList';

export const missionEnrolments: ResourceProps = {
  name: 'mission_enrolments',
  list: MissionEnrolmentList,
  icon: AssignmentIndIcon,
  options: { label: 'Mission enrolments' },
};

export default missionEnrolments;
