import { Create, SimpleForm } from 'react-admin';
import { WebhookInputs, pickWebhookFields } from './WebhookInputs';

/** A new hook; its page then shows the generated signing secret. */
export const WebhookCreate = () => (
  <Create title="New webhook" redirect="show" transform={pickWebhookFields}>
    <SimpleForm defaultValues={{ url: '', description: '', resources: [], actions: [], active: true }}>
      <WebhookInputs />
    </SimpleForm>
  </Create>
);
