import GroupsIcon from '@mui/icons-material/Groups';
import type { ResourceProps } from 'react-admin';
import { batchLabel } from '../common/format';
import { BatchCreate } from './BatchCreate';
import { BatchEdit } from './BatchEdit';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';

export const batches: ResourceProps = {
  name: 'batches',
  list: BatchList,
  create: BatchCreate,
  edit: BatchEdit,
  show: BatchShow,
  icon: GroupsIcon,
  options: { label: 'Batches' },
  recordRepresentation: (record) => batchLabel(record),
};

export default batches;
