import { Create, SimpleForm, useGetOne } from 'react-admin';
import { BatchInputs, validateDates } from './BatchInputs';

/** A blank time zone is left out, so the database takes the settings' default time zone. */
const withoutBlankTimezone = (data: Record<string, unknown>) => {
  const { timezone, ...rest } = data;
  return timezone == null || timezone === '' ? rest : { ...rest, timezone };
};

export const BatchCreate = () => {
  const { data: settings } = useGetOne('settings', { id: 1 }, { retry: false });
  return (
    <Create title="New batch" redirect="show" transform={withoutBlankTimezone}>
      <SimpleForm defaultValues={{ status: 'planned', capacity: 3000 }} validate={validateDates}>
        <BatchInputs schoolDefaults={settings} />
      </SimpleForm>
    </Create>
  );
};
