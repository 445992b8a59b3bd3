import LightbulbIcon from '@mui/icons-material/Lightbulb';
import type { ResourceProps } from 'react-admin';
import { FeatureRequestEdit } from './FeatureRequestEdit';
import { FeatureRequestList } from './FeatureRequestList';
import { FeatureRequestShow } from './FeatureRequestShow';

export const featureRequests: ResourceProps = {
  name: 'feature_requests',
  list: FeatureRequestList,
  show: FeatureRequestShow,
  edit: FeatureRequestEdit,
  icon: LightbulbIcon,
  options: { label: 'Feature requests' },
  recordRepresentation: 'title',
};

export default featureRequests;
