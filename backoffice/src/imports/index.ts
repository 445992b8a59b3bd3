import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ResourceProps } from 'react-admin';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';

export const imports: ResourceProps = {
  name: 'imports',
  list: ImportList,
  show: ImportShow,
  icon: UploadFileIcon,
  options: { label: 'Imports' },
};

export default imports;
