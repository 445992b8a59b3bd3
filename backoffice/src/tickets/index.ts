import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const TicketList = lazyNamed(() => import('./TicketList'), 'TicketList');
const TicketShow = lazyNamed(() => import('./TicketShow'), 'TicketShow');

export const tickets: ResourceProps = {
  name: 'tickets',
  list: TicketList,
  show: TicketShow,
  options: { label: 'Tickets' },
  recordRepresentation: 'subject',
};

export default tickets;
