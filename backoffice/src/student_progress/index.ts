import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import type { ResourceProps } from 'react-admin';
import { StudentProgressList } from './StudentProgressList';

/** The low-performer report (read-only): one row per mission enrolment with its risk. */
export const studentProgress: ResourceProps = {
  name: 'student_progress',
  list: StudentProgressList,
  icon: TrendingDownIcon,
  options: { label: 'Low performers' },
  recordRepresentation: 'student_name',
};

export default studentProgress;
