import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { CallLogList } from './CallLogList';

export const callLogs: ResourceProps = {
  name: 'call_logs',
  list: CallLogList,
  icon: HistoryIcon,
  options: { label: 'Call logs' },
};

export default callLogs;
