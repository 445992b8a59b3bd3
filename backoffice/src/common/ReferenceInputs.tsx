import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';
import { batchLabel, missionLabel } from './format';

type Props = Omit<AutocompleteInputProps, 'source'> & {
  source?: string;
  /** Read by react-admin's filter form from the element's props. */
  alwaysOn?: boolean;
};

/** A batch chooser (batches searched by code or title); value = batch id. */
export const BatchInput = ({ alwaysOn: _alwaysOn, source = 'batch_id', label = 'Batch', ...rest }: Props) => (
  <ReferenceInput source={source} reference="batches" sort={{ field: 'starts_on', order: 'DESC' }}>
    <AutocompleteInput label={label} optionText={batchLabel} filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} {...rest} />
  </ReferenceInput>
);

/** A mission chooser ("DEMO-B01 · M1 — title"), optionally within one batch; value = mission id. */
export const MissionInput = ({
  alwaysOn: _alwaysOn,
  source = 'mission_id',
  label = 'Mission',
  batchId,
  ...rest
}: Props & { batchId?: unknown }) => (
  <ReferenceInput
    source={source}
    reference="missions"
    sort={{ field: 'starts_on', order: 'DESC' }}
    perPage={50}
    filter={batchId != null && batchId !== '' ? { batch_id: batchId } : {}}
  >
    <AutocompleteInput label={label} optionText={missionLabel} filterToQuery={(q) => ({ q })} sx={{ minWidth: 260 }} {...rest} />
  </ReferenceInput>
);
