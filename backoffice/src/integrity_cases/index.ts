import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CaseCreate = lazyNamed(() => import('./CaseCreate'), 'CaseCreate');
const CaseEdit = lazyNamed(() => import('./CaseEdit'), 'CaseEdit');
const CaseList = lazyNamed(() => import('./CaseList'), 'CaseList');
const CaseShow = lazyNamed(() => import('./CaseShow'), 'CaseShow');

export const integrityCases: ResourceProps = {
  name: 'integrity_cases',
  list: CaseList,
  create: CaseCreate,
  edit: CaseEdit,
  show: CaseShow,
  options: { label: 'Integrity cases' },
  recordRepresentation: (r) => `Case #${r.id} (${r.student_name})`,
};

export default integrityCases;
