import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const MeetingCreate = lazyNamed(() => import('./MeetingCreate'), 'MeetingCreate');
const MeetingEdit = lazyNamed(() => import('./MeetingEdit'), 'MeetingEdit');
const MeetingList = lazyNamed(() => import('./MeetingList'), 'MeetingList');
const MeetingShow = lazyNamed(() => import('./MeetingShow'), 'MeetingShow');

export const meetings: ResourceProps = {
  name: 'meetings',
  list: MeetingList,
  create: MeetingCreate,
  edit: MeetingEdit,
  show: MeetingShow,
  options: { label: 'Meetings' },
  recordRepresentation: 'title',
};

export default meetings;
