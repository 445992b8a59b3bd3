import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import type { ResourceProps } from 'react-admin';
import { DailyAttendanceList } from './DailyAttendanceList';

export const dailyAttendance: ResourceProps = {
  name: 'daily_attendance',
  list: DailyAttendanceList,
  icon: EventAvailableIcon,
  options: { label: 'Daily attendance' },
};

export default dailyAttendance;
