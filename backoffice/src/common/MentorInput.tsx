import { useCallback } from 'react';
import {
  AutocompleteInput,
  ReferenceInput,
  useCanAccess,
  useGetList,
  type AutocompleteInputProps,
  type Identifier,
  type RaRecord,
} from 'react-admin';

export interface MentorInputProps extends Omit<AutocompleteInputProps, 'choices' | 'source'> {
  source: string;
  /** Only the mentors assigned to this mission, with their load/capacity on it in the label. */
  missionId?: Identifier | null;
  alwaysOn?: boolean;
}

const loadText = (row: RaRecord | undefined) =>
  !row ? '' : row.capacity == null ? `${row.load ?? 0} paired, no limit` : `${row.load ?? 0}/${row.capacity} paired`;

/**
 * Chooses a mentor (a user id) from the API's read-only `mentors` directory (admins, managers, SREs
 * and developers may list it), searched by name or email. The value works as a students
 * `mentor_id` filter, as the pair action's `mentor_id` and as a mission_mentors `mentor_id`.
 * With a mission, only its mentors are offered, each with their current load on it.
 */
export const MentorInput = ({ missionId, alwaysOn: _alwaysOn, label = 'Mentor', ...rest }: MentorInputProps) => {
  const hasMission = missionId != null && missionId !== '';
  // The load and capacity of each mentor on the mission (mission_mentors), for the labels.
  const { data: assigned = [] } = useGetList(
    'mission_mentors',
    { filter: { mission_id: missionId }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'mentor_name', order: 'ASC' } },
    { enabled: hasMission }
  );
  const optionText = useCallback(
    (mentor: RaRecord) => {
      const who = `${mentor.name} <${mentor.email}>`;
      if (!hasMission) return who;
      const load = loadText(assigned.find((row) => String(row.mentor_id) === String(mentor.id)));
      return load ? `${who} · ${load}` : who;
    },
    [assigned, hasMission]
  );
  return (
    <ReferenceInput
      source={rest.source}
      reference="mentors"
      sort={{ field: 'name', order: 'ASC' }}
      perPage={hasMission ? 200 : 25}
      filter={hasMission ? { mission_id: missionId } : {}}
    >
      <AutocompleteInput
        label={label}
        {...rest}
        optionText={optionText}
        filterToQuery={(q) => ({ q })}
        noOptionsText={hasMission ? 'No mentor is assigned to this mission yet.' : 'No mentor found.'}
      />
    </ReferenceInput>
  );
};

/** Whether this user may search the mentors directory (mentors themselves may not). */
export const useCanListMentors = () => useCanAccess({ resource: 'mentors', action: 'list' }).canAccess === true;
