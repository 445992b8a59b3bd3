import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ResourceProps } from 'react-admin';
import { AssignmentReportList } from './AssignmentReportList';

/** Report (read-only): submissions per assignment, on time, late and missing. */
export const assignmentReport: ResourceProps = {
  name: 'assignment_report',
  list: AssignmentReportList,
  icon: AssessmentIcon,
  options: { label: 'Assignments report' },
};

export default assignmentReport;
