import ForumIcon from '@mui/icons-material/Forum';
import type { ResourceProps } from 'react-admin';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

export const tickets: ResourceProps = {
  name: 'tickets',
  list: TicketList,
  show: TicketShow,
  icon: ForumIcon,
  options: { label: 'Tickets' },
  recordRepresentation: 'subject',
};

export default tickets;
