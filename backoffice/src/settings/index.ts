import SettingsIcon from '@mui/icons-material/Settings';
import type { ResourceProps } from 'react-admin';
import { SettingsPage } from './SettingsPage';

/** One record (id 1): the menu's "Settings" opens it directly. */
export const settings: ResourceProps = {
  name: 'settings',
  list: SettingsPage,
  icon: SettingsIcon,
  options: { label: 'Settings' },
};

export default settings;
