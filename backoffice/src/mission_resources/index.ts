import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MissionResourceEdit = lazyNamed(() => import('./MissionResourceEdit'), 'MissionResourceEdit');
const MissionResourceList = lazyNamed(() => import('./MissionResourceList'), 'MissionResourceList');

export const missionResources: ResourceProps = {
  name: 'mission_resources',
  list: MissionResourceList,
  edit: MissionResourceEdit,
  options: { label: 'Mission resources' },
  recordRepresentation: 'title',
};

export default missionResources;
