import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const WebhookDeliveryList = lazyNamed(() => import('./WebhookDeliveryList'), 'WebhookDeliveryList');

export const webhookDeliveries: ResourceProps = {
  name: 'webhook_deliveries',
  list: WebhookDeliveryList,
  options: { label: 'Webhook deliveries' },
};

export default webhookDeliveries;
