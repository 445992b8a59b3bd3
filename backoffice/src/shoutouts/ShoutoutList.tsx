import { List, SearchInput, SelectInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { wideFiltersSx } from '../common/listStyles';
import { MissionInput, StudentInput } from '../common/ReferenceInputs';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { BADGE_CHOICES } from './badges';
import { ShoutoutTable } from './ShoutoutTable';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search messages" />,
  <SelectInput key="badge" source="badge" label="Badge" choices={BADGE_CHOICES} alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <StudentInput key="student_id" source="student_id" />,
];

/** Shout-outs given to students, newest first (mentors: to their students). Given from a student's page. */
export const ShoutoutList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Shout-outs"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <ShoutoutTable empty={<None text="No shout-out yet. Give one from a student's page." />} />
    </List>
  );
};
