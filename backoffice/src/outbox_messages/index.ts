import MailOutlineIcon from '@mui/icons-material/MailOutline';
import type { ResourceProps } from 'react-admin';
import { OutboxMessageList } from './OutboxMessageList';
import { OutboxMessageShow } from './OutboxMessageShow';

export const outboxMessages: ResourceProps = {
  name: 'outbox_messages',
  list: OutboxMessageList,
  show: OutboxMessageShow,
  icon: MailOutlineIcon,
  options: { label: 'Mail outbox' },
  recordRepresentation: 'subject',
};

export default outboxMessages;
