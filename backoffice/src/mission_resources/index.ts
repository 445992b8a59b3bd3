import AttachFileIcon from '@mui/icons-material/AttachFile';
import type { ResourceProps } from 'react-admin';
import { MissionResourceEdit } from './MissionResourceEdit';
import { MissionResourceList } from './MissionResourceList';

export const missionResources: ResourceProps = {
  name: 'mission_resources',
  list: MissionResourceList,
  edit: MissionResourceEdit,
  icon: AttachFileIcon,
  options: { label: 'Mission resources' },
  recordRepresentation: 'title',
};

export default missionResources;
