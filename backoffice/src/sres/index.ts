import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { ResourceProps } from 'react-admin';
import { SreList } from './SreList';

export const sres: ResourceProps = {
  name: 'sres',
  list: SreList,
  icon: SupportAgentIcon,
  options: { label: 'SREs' },
  recordRepresentation: 'name',
};

export default sres;
