import SchoolIcon from '@mui/icons-material/School';
import type { ResourceProps } from 'react-admin';
import { StudentCreate } from './StudentCreate';
import { StudentEdit } from './StudentEdit';
import { StudentList } from './StudentList';
import { StudentShow } from './StudentShow';

export const students: ResourceProps = {
  name: 'students',
  list: StudentList,
  create: StudentCreate,
  edit: StudentEdit,
  show: StudentShow,
  icon: SchoolIcon,
  options: { label: 'Students' },
  recordRepresentation: 'name',
};

export default students;
