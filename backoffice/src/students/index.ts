import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const StudentCreate = lazyNamed(() => import('./StudentCreate'), 'StudentCreate');
const StudentEdit = lazyNamed(() => import('./StudentEdit'), 'StudentEdit');
const StudentList = lazyNamed(() => import('./StudentList'), 'StudentList');
const StudentShow = lazyNamed(() => import('./StudentShow'), 'StudentShow');

export const students: ResourceProps = {
  name: 'students',
  list: StudentList,
  create: StudentCreate,
  edit: StudentEdit,
  show: StudentShow,
  options: { label: 'Students' },
  recordRepresentation: 'name',
};

export default students;
