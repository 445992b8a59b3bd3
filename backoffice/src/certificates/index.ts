import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const CertificateList = lazyNamed(() => import('./CertificateList'), 'CertificateList');

export const certificates: ResourceProps = {
  name: 'certificates',
  list: CertificateList,
  options: { label: 'Certificates' },
};

export default certificates;
