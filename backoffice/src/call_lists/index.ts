import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import type { ResourceProps } from 'react-admin';
import { CallListEdit } from './CallListEdit';
import { CallListList } from './CallListList';
import { CallListShow } from './CallListShow';

export const callLists: ResourceProps = {
  name: 'call_lists',
  list: CallListList,
  show: CallListShow,
  edit: CallListEdit,
  icon: PlaylistAddCheckIcon,
  options: { label: 'Call lists' },
  recordRepresentation: 'title',
};

export default callLists;
