import { Create, SimpleForm, useGetOne } from 'react-admin';
import { validateDates } from '../batches/BatchInputs';
import { MissionInputs, pickMissionFields } from './MissionInputs';

/**
 * A new mission. Point rules and risk thresholds start blank and are left out when blank, so the database takes
 * them from the settings (a trigger); the settings' values are shown beside the inputs.
 */
export const MissionCreate = () => {
  const { data: settings } = useGetOne('settings', { id: 1 }, { retry: false });
  return (
    <Create title="New mission" redirect="show" transform={pickMissionFields}>
      <SimpleForm defaultValues={{ status: 'upcoming', position: 1 }} validate={validateDates}>
        <MissionInputs schoolDefaults={settings} />
      </SimpleForm>
    </Create>
  );
};
