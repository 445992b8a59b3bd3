import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import type { ResourceProps } from 'react-admin';
import { CallEdit } from './CallEdit';
import { CallList } from './CallList';
import { CallShow } from './CallShow';

/** Calls to make (SREs: "My calls", their follow-up queue). */
export const calls: ResourceProps = {
  name: 'calls',
  list: CallList,
  show: CallShow,
  edit: CallEdit,
  icon: PhoneInTalkIcon,
  options: { label: 'Calls' },
  recordRepresentation: (r) => `Call to ${r.student_name}`,
};

export default calls;
