import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceProps } from 'react-admin';
import { BatchEnrolmentList } from './BatchEnrolmentList';

export const batchEnrolments: ResourceProps = {
  name: 'batch_enrolments',
  list: BatchEnrolmentList,
  icon: HowToRegIcon,
  options: { label: 'Batch enrolments' },
};

export default batchEnrolments;
