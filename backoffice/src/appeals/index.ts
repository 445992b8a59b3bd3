import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import type { ResourceProps } from 'react-admin';
import { AppealList } from './AppealList';
import { AppealShow } from './AppealShow';

export const appeals: ResourceProps = {
  name: 'appeals',
  list: AppealList,
  show: AppealShow,
  icon: RecordVoiceOverIcon,
  options: { label: 'Appeals' },
};

export default appeals;
