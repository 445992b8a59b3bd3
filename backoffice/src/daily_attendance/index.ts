import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const DailyAttendanceList = lazyNamed(() => import('./DailyAttendanceList'), 'DailyAttendanceList');

export const dailyAttendance: ResourceProps = {
  name: 'daily_attendance',
  list: DailyAttendanceList,
  options: { label: 'Daily attendance' },
};

export default dailyAttendance;
