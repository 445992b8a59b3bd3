import { TextInput } from 'react-admin';
import { ZonedDateTimeInput } from '../common/DateTimes';

export const auditLogFilters = (isSmall: boolean) => [
  <TextInput key="resource" source="resource" label="Resource" alwaysOn={!isSmall} resettable />,
  <TextInput key="action" source="action" label="Action" alwaysOn={!isSmall} resettable />,
  <TextInput key="actor_user_id" source="actor_user_id" label="Actor (user id)" resettable />,
  <ZonedDateTimeInput key="at_gte" source="at_gte" label="From" helperText={false} />,
  <ZonedDateTimeInput key="at_lte" source="at_lte" label="Until" helperText={false} />,
];
