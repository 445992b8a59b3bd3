import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const SettingsPage = lazyNamed(() => import('./SettingsPage'), 'SettingsPage');

/** One record (id 1): the menu's "Settings" opens it directly. */
export const settings: ResourceProps = {
  name: 'settings',
  list: SettingsPage,
  options: { label: 'Settings' },
};

export default settings;
