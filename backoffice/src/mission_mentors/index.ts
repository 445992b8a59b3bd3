import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MissionMentorCreate = lazyNamed(() => import('./MissionMentorCreate'), 'MissionMentorCreate');
const MissionMentorEdit = lazyNamed(() => import('./MissionMentorEdit'), 'MissionMentorEdit');
const MissionMentorList = lazyNamed(() => import('./MissionMentorList'), 'MissionMentorList');

export const missionMentors: ResourceProps = {
  name: 'mission_mentors',
  list: MissionMentorList,
  create: MissionMentorCreate,
  edit: MissionMentorEdit,
  options: { label: 'Mission mentors' },
  recordRepresentation: (r) => `${r.mentor_name} (${r.mission_code})`,
};

export default missionMentors;
