import KeyIcon from '@mui/icons-material/Key';
import type { ResourceProps } from 'react-admin';
import { ApiKeyList } from './ApiKeyList';

export const apiKeys: ResourceProps = {
  name: 'api_keys',
  list: ApiKeyList,
  icon: KeyIcon,
  options: { label: 'API keys' },
  recordRepresentation: 'name',
};

export default apiKeys;
