import InsightsIcon from '@mui/icons-material/Insights';
import type { ResourceProps } from 'react-admin';
import { AttendanceDayList } from './AttendanceDayList';

/** Report (read-only): each mission's attendance per local day. */
export const missionAttendanceDays: ResourceProps = {
  name: 'mission_attendance_days',
  list: AttendanceDayList,
  icon: InsightsIcon,
  options: { label: 'Attendance by day' },
};

export default missionAttendanceDays;
