import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { validateDates } from '../batches/BatchInputs';
import { MissionInputs, pickMissionFields } from './MissionInputs';

const MissionTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Mission ${record.batch_code} · ${record.code}` : 'Mission'}</span>;
};

export const MissionEdit = () => (
  <Edit title={<MissionTitle />} mutationMode="pessimistic" transform={pickMissionFields} redirect="show">
    <SimpleForm validate={validateDates}>
      <MissionInputs />
    </SimpleForm>
  </Edit>
);
