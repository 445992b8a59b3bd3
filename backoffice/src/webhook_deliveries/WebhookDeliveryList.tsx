import { AutocompleteInput, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { wideFiltersSx } from '../common/listStyles';
import { DELIVERY_STATUS_CHOICES, DeliveryTable } from './DeliveryParts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search event" />,
  <ReferenceInput key="webhook_id" source="webhook_id" reference="webhooks" alwaysOn>
    <AutocompleteInput label="Webhook" optionText="url" filterToQuery={(q) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={DELIVERY_STATUS_CHOICES} alwaysOn />,
];

/** Every webhook's deliveries, newest first (admins and developers). */
export const WebhookDeliveryList = () => (
  <List
    sx={wideFiltersSx}
    title="Webhook deliveries"
    filters={filters}
    sort={{ field: 'created_at', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={false}
    queryOptions={{ refetchInterval: 5000 }}
  >
    <DeliveryTable showWebhook />
  </List>
);
