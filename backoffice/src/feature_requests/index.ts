import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const FeatureRequestEdit = lazyNamed(() => import('./FeatureRequestEdit'), 'FeatureRequestEdit');
const FeatureRequestList = lazyNamed(() => import('./FeatureRequestList'), 'FeatureRequestList');
const FeatureRequestShow = lazyNamed(() => import('./FeatureRequestShow'), 'FeatureRequestShow');

export const featureRequests: ResourceProps = {
  name: 'feature_requests',
  list: FeatureRequestList,
  show: FeatureRequestShow,
  edit: FeatureRequestEdit,
  options: { label: 'Feature requests' },
  recordRepresentation: 'title',
};

export default featureRequests;
