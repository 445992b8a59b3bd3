import CampaignIcon from '@mui/icons-material/Campaign';
import type { ResourceProps } from 'react-admin';
import { NoticeCreate } from './NoticeCreate';
import { NoticeEdit } from './NoticeEdit';
import { NoticeList } from './NoticeList';
import { NoticeShow } from './NoticeShow';

export const notices: ResourceProps = {
  name: 'notices',
  list: NoticeList,
  create: NoticeCreate,
  edit: NoticeEdit,
  show: NoticeShow,
  icon: CampaignIcon,
  options: { label: 'Notices' },
  recordRepresentation: 'title',
};

export default notices;
