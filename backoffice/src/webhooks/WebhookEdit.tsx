import { Edit, SimpleForm } from 'react-admin';
import { WebhookTitle } from './WebhookShow';
import { WebhookInputs, pickWebhookFields } from './WebhookInputs';

export const WebhookEdit = () => (
  <Edit title={<WebhookTitle />} mutationMode="pessimistic" transform={pickWebhookFields} redirect="show">
    <SimpleForm>
      <WebhookInputs />
    </SimpleForm>
  </Edit>
);
