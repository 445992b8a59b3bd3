import FlagIcon from '@mui/icons-material/Flag';
import type { ResourceProps } from 'react-admin';
import { missionLabel } from '../common/format';
import { MissionCreate } from './MissionCreate';
import { MissionEdit } from './MissionEdit';
import { MissionList } from './MissionList';
import { MissionShow } from './MissionShow';

export const missions: ResourceProps = {
  name: 'missions',
  list: MissionList,
  create: MissionCreate,
  edit: MissionEdit,
  show: MissionShow,
  icon: FlagIcon,
  options: { label: 'Missions' },
  recordRepresentation: (record) => missionLabel(record),
};

export default missions;
