import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  FormDataConsumer,
  useGetList,
  type AutocompleteInputProps,
  type Identifier,
  type RaRecord,
} from 'react-admin';

type MentorChoice = { id: Identifier; name: string };

export interface MentorInputProps extends Omit<AutocompleteInputProps, 'choices' | 'source'> {
  source: string;
  /** Only the mentors of this mission (with their load/capacity in the label). */
  missionId?: Identifier | null;
  alwaysOn?: boolean;
}

const loadText = (row: RaRecord) =>
  row.capacity == null ? `${row.load ?? 0} paired, no limit` : `${row.load ?? 0}/${row.capacity} paired`;

/**
 * Chooses a mentor (a user id) from `mission_mentors`, the mentor source every back office role
 * that pairs or filters by mentor may read (non-admins cannot list `users`). The value is the
 * mentor's user id (`mentor_id`), so it works as a students `mentor_id` filter and as the
 * pair action's `mentor_id`. Without a mission, mentors on any mission are offered once each.
 */
export const MentorInput = (props: MentorInputProps) => (
  <FormDataConsumer>{({ formData }) => <MentorAutocomplete {...props} current={formData?.[props.source]} />}</FormDataConsumer>
);

const MentorAutocomplete = ({
  missionId,
  current: value,
  alwaysOn: _alwaysOn,
  ...rest
}: MentorInputProps & { current: unknown }) => {
  const [q, setQ] = useState('');
  const baseFilter = missionId != null && missionId !== '' ? { mission_id: missionId } : {};
  const { data: found = [], isPending } = useGetList('mission_mentors', {
    pagination: { page: 1, perPage: missionId ? 1000 : 50 },
    sort: { field: 'mentor_name', order: 'ASC' },
    filter: q ? { ...baseFilter, q } : baseFilter,
  });
  const hasValue = value !== undefined && value !== null && value !== '';
  const { data: selected = [] } = useGetList(
    'mission_mentors',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: { ...baseFilter, mentor_id: value } },
    { enabled: hasValue && !found.some((row) => String(row.mentor_id) === String(value)) }
  );
  const choices = useMemo(() => {
    const seen = new Map<string, MentorChoice>();
    for (const row of [...selected, ...found]) {
      const key = String(row.mentor_id);
      if (seen.has(key)) continue;
      const who = row.mentor_email ? `${row.mentor_name} <${row.mentor_email}>` : String(row.mentor_name);
      seen.set(key, { id: row.mentor_id, name: missionId ? `${who} · ${loadText(row)}` : who });
    }
    return [...seen.values()];
  }, [found, selected, missionId]);
  return (
    <AutocompleteInput
      label="Mentor"
      {...rest}
      choices={choices}
      isPending={isPending}
      setFilter={missionId ? undefined : setQ}
      noOptionsText={missionId ? 'No mentor is assigned to this mission yet.' : 'No mentor found.'}
    />
  );
};
