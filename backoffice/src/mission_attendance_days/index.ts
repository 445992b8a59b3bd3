import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AttendanceDayList = lazyNamed(() => import('./AttendanceDayList'), 'AttendanceDayList');

/** Report (read-only): each mission's attendance per local day. */
export const missionAttendanceDays: ResourceProps = {
  name: 'mission_attendance_days',
  list: AttendanceDayList,
  options: { label: 'Attendance by day' },
};

export default missionAttendanceDays;
