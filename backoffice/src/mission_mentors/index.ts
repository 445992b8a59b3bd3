import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import type { ResourceProps } from 'react-admin';
import { MissionMentorCreate } from './MissionMentorCreate';
import { MissionMentorEdit } from './MissionMentorEdit';
import { MissionMentorList } from './MissionMentorList';

export const missionMentors: ResourceProps = {
  name: 'mission_mentors',
  list: MissionMentorList,
  create: MissionMentorCreate,
  edit: MissionMentorEdit,
  icon: SupervisorAccountIcon,
  options: { label: 'Mission mentors' },
  recordRepresentation: (r) => `${r.mentor_name} (${r.mission_code})`,
};

export default missionMentors;
