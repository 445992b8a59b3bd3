import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AssignmentReportList = lazyNamed(() => import('./AssignmentReportList'), 'AssignmentReportList');

/** Report (read-only): submissions per assignment, on time, late and missing. */
export const assignmentReport: ResourceProps = {
  name: 'assignment_report',
  list: AssignmentReportList,
  options: { label: 'Assignments report' },
};

export default assignmentReport;
