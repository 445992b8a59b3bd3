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

export const studentLabel = (record: Record<string, unknown> | undefined | null): string =>
  record ? `${record.name ?? `Student #${record.id}`}${record.email ? ` <${record.email}>` : ''}` : '';

/**
 * A student chooser (searched by name or email; the API offers a mentor only their students),
 * optionally within one mission; value = student id.
 */
export const StudentInput = ({
  alwaysOn: _alwaysOn,
  source = 'student_id',
  label = 'Student',
  missionId,
  ...rest
}: Props & { missionId?: unknown }) => (
  <ReferenceInput
    source={source}
    reference="students"
    sort={{ field: 'name', order: 'ASC' }}
    filter={missionId != null && missionId !== '' ? { mission_id: missionId } : {}}
  >
    <AutocompleteInput
      label={label}
      optionText={studentLabel}
      filterToQuery={(q) => ({ q })}
      noOptionsText="No student found."
      sx={{ minWidth: 260 }}
      {...rest}
    />
  </ReferenceInput>
);

export const assignmentLabel = (r: Record<string, unknown> | undefined | null) =>
  r ? `${r.mission_code ?? ''} · #${r.number} ${r.title ?? ''}` : '';

/** An assignment chooser ("M1 · #2 Landing page"), searched by title, optionally within one mission; value = assignment id. */
export const AssignmentInput = ({
  alwaysOn: _alwaysOn,
  source = 'assignment_id',
  label = 'Assignment',
  missionId,
  ...rest
}: Props & { missionId?: unknown }) => (
  <ReferenceInput
    source={source}
    reference="assignments"
    sort={{ field: 'deadline', order: 'DESC' }}
    filter={missionId != null && missionId !== '' ? { mission_id: missionId } : {}}
  >
    <AutocompleteInput label={label} optionText={assignmentLabel} filterToQuery={(q) => ({ q })} sx={{ minWidth: 260 }} {...rest} />
  </ReferenceInput>
);

/** A notice chooser, searched by title; value = notice id. */
export const NoticeInput = ({ alwaysOn: _alwaysOn, source = 'notice_id', label = 'Notice', ...rest }: Props) => (
  <ReferenceInput source={source} reference="notices" sort={{ field: 'publish_at', order: 'DESC' }}>
    <AutocompleteInput label={label} optionText="title" filterToQuery={(q) => ({ q })} sx={{ minWidth: 260 }} {...rest} />
  </ReferenceInput>
);
