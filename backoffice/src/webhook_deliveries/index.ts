import SendIcon from '@mui/icons-material/Send';
import type { ResourceProps } from 'react-admin';
import { WebhookDeliveryList } from './WebhookDeliveryList';

export const webhookDeliveries: ResourceProps = {
  name: 'webhook_deliveries',
  list: WebhookDeliveryList,
  icon: SendIcon,
  options: { label: 'Webhook deliveries' },
};

export default webhookDeliveries;
