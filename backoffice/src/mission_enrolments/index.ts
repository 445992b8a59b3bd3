import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MissionEnrolmentList = lazyNamed(() => import('./MissionEnrolmentList'), 'MissionEnrolmentList');

export const missionEnrolments: ResourceProps = {
  name: 'mission_enrolments',
  list: MissionEnrolmentList,
  options: { label: 'Mission enrolments' },
};

export default missionEnrolments;
