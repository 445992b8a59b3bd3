import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { BatchInputs, validateDates } from './BatchInputs';
import { BatchMissions } from './BatchMissions';

const BATCH_FIELDS = ['code', 'title', 'status', 'starts_on', 'ends_on', 'timezone', 'capacity'];

/** Only the writable fields are sent (the counts are joined, read-only columns). */
export const pickBatchFields = (data: Record<string, unknown>) =>
  Object.fromEntries(
    BATCH_FIELDS.filter((k) => k in data).map((k) => [k, typeof data[k] === 'string' ? (data[k] as string).trim() : data[k]])
  );

const BatchTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Batch ${record.code}` : 'Batch'}</span>;
};

export const BatchEdit = () => (
  <Edit title={<BatchTitle />} mutationMode="pessimistic" transform={pickBatchFields} redirect="show">
    <SimpleForm validate={validateDates}>
      <BatchInputs />
    </SimpleForm>
    <BatchMissions />
  </Edit>
);
