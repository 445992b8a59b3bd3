import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const StudentProgressList = lazyNamed(() => import('./StudentProgressList'), 'StudentProgressList');

/** The low-performer report (read-only): one row per mission enrolment with its risk. */
export const studentProgress: ResourceProps = {
  name: 'student_progress',
  list: StudentProgressList,
  options: { label: 'Low performers' },
  recordRepresentation: 'student_name',
};

export default studentProgress;
