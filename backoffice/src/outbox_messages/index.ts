import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const OutboxMessageList = lazyNamed(() => import('./OutboxMessageList'), 'OutboxMessageList');
const OutboxMessageShow = lazyNamed(() => import('./OutboxMessageShow'), 'OutboxMessageShow');

export const outboxMessages: ResourceProps = {
  name: 'outbox_messages',
  list: OutboxMessageList,
  show: OutboxMessageShow,
  options: { label: 'Mail outbox' },
  recordRepresentation: 'subject',
};

export default outboxMessages;
