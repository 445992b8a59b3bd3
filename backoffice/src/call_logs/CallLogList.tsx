import { DateInput, List, SearchInput, SelectInput } from 'react-admin';
import { CALL_OUTCOME_CHOICES, CALL_OUTCOME_SHORT } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { wideFiltersSx } from '../common/listStyles';
import { StudentInput } from '../common/ReferenceInputs';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { CallLogTable } from '../calls/CallParts';

const OUTCOME_CHOICES = CALL_OUTCOME_CHOICES.map((c) => ({ id: c.id, name: CALL_OUTCOME_SHORT[c.id] ?? c.name }));

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search notes" />,
  <SelectInput key="outcome" source="outcome" label="Outcome" choices={OUTCOME_CHOICES} alwaysOn={!isSmall} />,
  <StudentInput key="student_id" source="student_id" />,
  <DateInput key="called_at_gte" source="called_at_gte" label="Called from" />,
  <DateInput key="called_at_lte" source="called_at_lte" label="Called until" />,
  <DateInput key="follow_up_on_gte" source="follow_up_on_gte" label="Follow-up from" />,
];

/** Every call made to a student, latest first: outcome, notes, follow-up (mentors: their students'). */
export const CallLogList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Call logs"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'called_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <CallLogTable showStudent empty={<None text="No call logged." />} />
    </List>
  );
};
