import { DateTimeInput, TextInput } from 'react-admin';

export const auditLogFilters = (isSmall: boolean) => [
  <TextInput key="resource" source="resource" label="Resource" alwaysOn={!isSmall} resettable />,
  <TextInput key="action" source="action" label="Action" alwaysOn={!isSmall} resettable />,
  <TextInput key="actor_user_id" source="actor_user_id" label="Actor (user id)" resettable />,
  <DateTimeInput key="at_gte" source="at_gte" label="From" />,
  <DateTimeInput key="at_lte" source="at_lte" label="Until" />,
];
