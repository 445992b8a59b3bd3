import GroupsIcon from '@mui/icons-material/Groups';
import type { ResourceProps } from 'react-admin';
import { MeetingCreate } from './MeetingCreate';
import { MeetingEdit } from './MeetingEdit';
import { MeetingList } from './MeetingList';
import { MeetingShow } from './MeetingShow';

export const meetings: ResourceProps = {
  name: 'meetings',
  list: MeetingList,
  create: MeetingCreate,
  edit: MeetingEdit,
  show: MeetingShow,
  icon: GroupsIcon,
  options: { label: 'Meetings' },
  recordRepresentation: 'title',
};

export default meetings;
