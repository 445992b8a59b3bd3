import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceProps } from 'react-admin';
import { AssignmentCreate } from './AssignmentCreate';
import { AssignmentEdit } from './AssignmentEdit';
import { AssignmentList } from './AssignmentList';
import { AssignmentShow } from './AssignmentShow';

export const assignments: ResourceProps = {
  name: 'assignments',
  list: AssignmentList,
  create: AssignmentCreate,
  edit: AssignmentEdit,
  show: AssignmentShow,
  icon: AssignmentIcon,
  options: { label: 'Assignments' },
  recordRepresentation: (r) => `${r.mission_code} · #${r.number} ${r.title}`,
};

export default assignments;
