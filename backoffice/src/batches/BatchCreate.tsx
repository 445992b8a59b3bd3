import { Create, SimpleForm } from 'react-admin';
import { DEFAULT_TIMEZONE } from '../common/timezones';
import { BatchInputs, validateDates } from './BatchInputs';

export const BatchCreate = () => (
  <Create title="New batch" redirect="show">
    <SimpleForm defaultValues={{ status: 'planned', timezone: DEFAULT_TIMEZONE, capacity: 3000 }} validate={validateDates}>
      <BatchInputs />
    </SimpleForm>
  </Create>
);
