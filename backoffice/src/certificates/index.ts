import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import type { ResourceProps } from 'react-admin';
import { CertificateList } from './CertificateList';

export const certificates: ResourceProps = {
  name: 'certificates',
  list: CertificateList,
  icon: WorkspacePremiumIcon,
  options: { label: 'Certificates' },
};

export default certificates;
