import GavelIcon from '@mui/icons-material/Gavel';
import type { ResourceProps } from 'react-admin';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export const integrityCases: ResourceProps = {
  name: 'integrity_cases',
  list: CaseList,
  create: CaseCreate,
  edit: CaseEdit,
  show: CaseShow,
  icon: GavelIcon,
  options: { label: 'Integrity cases' },
  recordRepresentation: (r) => `Case #${r.id} (${r.student_name})`,
};

export default integrityCases;
