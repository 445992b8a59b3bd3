import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import type { ResourceProps } from 'react-admin';
import { CallScriptEdit } from './CallScriptEdit';
import { CallScriptList } from './CallScriptList';
import { CallScriptShow } from './CallScriptShow';

export const callScripts: ResourceProps = {
  name: 'call_scripts',
  list: CallScriptList,
  show: CallScriptShow,
  edit: CallScriptEdit,
  icon: RecordVoiceOverIcon,
  options: { label: 'Call scripts' },
  recordRepresentation: 'title',
};

export default callScripts;
