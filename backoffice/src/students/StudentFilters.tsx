import { SearchInput, SelectInput } from 'react-admin';
import { STUDENT_STATUS_CHOICES } from '../common/choices';
import { MentorInput } from '../common/MentorInput';
import { AssignmentInput, BatchInput, MissionInput, NoticeInput } from '../common/ReferenceInputs';

/**
 * Search is always shown; on a desktop batch, mission and status too; the rest sit behind
 * "Add filter". Mentors get no mentor filter (their list is already theirs only).
 */
export const studentFilters = ({ isSmall, isMentor, seesPhone }: { isSmall: boolean; isMentor: boolean; seesPhone: boolean }) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={seesPhone ? 'Search name, email or phone' : 'Search name or email'}
    sx={{ minWidth: { sm: 280 } }}
  />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="Status" choices={STUDENT_STATUS_CHOICES} alwaysOn={!isSmall} />,
  ...(isMentor ? [] : [<MentorInput key="mentor_id" source="mentor_id" label="Mentor" sx={{ minWidth: 240 }} />]),
  <MissionInput key="unpaired_in_mission_id" source="unpaired_in_mission_id" label="Without a mentor in mission" />,
  <AssignmentInput key="missing_assignment_id" source="missing_assignment_id" label="Has not submitted assignment" />,
  <NoticeInput key="not_acknowledged_notice_id" source="not_acknowledged_notice_id" label="Has not acknowledged notice" />,
];
