import { List, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { wideFiltersSx } from '../common/listStyles';
import { MissionInput, StudentInput } from '../common/ReferenceInputs';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { CertificateTable } from './CertificateTable';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student or code" />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <StudentInput key="student_id" source="student_id" />,
];

/** Completion certificates, newest first (mentors: their students'), each downloadable as PDF. Issued from a mission's page. */
export const CertificateList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Certificates"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'issued_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <CertificateTable empty={<None text="No certificate issued yet. Issue them from a mission's page once enrolments are completed." />} />
    </List>
  );
};
