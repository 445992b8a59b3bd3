import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const WebhookCreate = lazyNamed(() => import('./WebhookCreate'), 'WebhookCreate');
const WebhookEdit = lazyNamed(() => import('./WebhookEdit'), 'WebhookEdit');
const WebhookList = lazyNamed(() => import('./WebhookList'), 'WebhookList');
const WebhookShow = lazyNamed(() => import('./WebhookShow'), 'WebhookShow');

export const webhooks: ResourceProps = {
  name: 'webhooks',
  list: WebhookList,
  create: WebhookCreate,
  edit: WebhookEdit,
  show: WebhookShow,
  options: { label: 'Webhooks' },
  recordRepresentation: 'url',
};

export default webhooks;
