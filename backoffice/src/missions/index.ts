import type { ResourceProps } from 'react-admin';
import { missionLabel } from '../common/format';
import { lazyNamed } from '../common/lazyNamed';

const MissionCreate = lazyNamed(() => import('./MissionCreate'), 'MissionCreate');
const MissionEdit = lazyNamed(() => import('./MissionEdit'), 'MissionEdit');
const MissionList = lazyNamed(() => import('./MissionList'), 'MissionList');
const MissionShow = lazyNamed(() => import('./MissionShow'), 'MissionShow');

export const missions: ResourceProps = {
  name: 'missions',
  list: MissionList,
  create: MissionCreate,
  edit: MissionEdit,
  show: MissionShow,
  options: { label: 'Missions' },
  recordRepresentation: (record) => missionLabel(record),
};

export default missions;
