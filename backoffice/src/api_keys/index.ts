import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const ApiKeyList = lazyNamed(() => import('./ApiKeyList'), 'ApiKeyList');

export const apiKeys: ResourceProps = {
  name: 'api_keys',
  list: ApiKeyList,
  options: { label: 'API keys' },
  recordRepresentation: 'name',
};

export default apiKeys;
