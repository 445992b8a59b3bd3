import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CallScriptEdit = lazyNamed(() => import('./CallScriptEdit'), 'CallScriptEdit');
const CallScriptList = lazyNamed(() => import('./CallScriptList'), 'CallScriptList');
const CallScriptShow = lazyNamed(() => import('./CallScriptShow'), 'CallScriptShow');

export const callScripts: ResourceProps = {
  name: 'call_scripts',
  list: CallScriptList,
  show: CallScriptShow,
  edit: CallScriptEdit,
  options: { label: 'Call scripts' },
  recordRepresentation: 'title',
};

export default callScripts;
