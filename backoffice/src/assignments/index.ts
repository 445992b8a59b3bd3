import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AssignmentCreate = lazyNamed(() => import('./AssignmentCreate'), 'AssignmentCreate');
const AssignmentEdit = lazyNamed(() => import('./AssignmentEdit'), 'AssignmentEdit');
const AssignmentList = lazyNamed(() => import('./AssignmentList'), 'AssignmentList');
const AssignmentShow = lazyNamed(() => import('./AssignmentShow'), 'AssignmentShow');

export const assignments: ResourceProps = {
  name: 'assignments',
  list: AssignmentList,
  create: AssignmentCreate,
  edit: AssignmentEdit,
  show: AssignmentShow,
  options: { label: 'Assignments' },
  recordRepresentation: (r) => `${r.mission_code} · #${r.number} ${r.title}`,
};

export default assignments;
