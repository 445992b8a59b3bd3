import { Fragment, forwardRef, type ReactNode } from 'react';
import {
  Layout as RaLayout,
  AppBar,
  TitlePortal,
  UserMenu,
  Logout,
  MenuItemLink,
  Menu,
  useCanAccess,
  useResourceDefinitions,
  useSidebarState,
  useUserMenu,
} from 'react-admin';
import { Divider, ListSubheader } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

/** "My profile" entry of the user menu (closes the menu when clicked). */
const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      ref={ref}
      to="/profile"
      primaryText="My profile"
      leftIcon={<AccountCircleIcon fontSize="small" />}
      onClick={() => userMenu?.onClose()}
      {...props}
    />
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

const AppUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />} color="primary">
    <TitlePortal />
  </AppBar>
);

/** "Import CSV" for those who may import (creating students: admins and SREs). */
const ImportMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'students', action: 'create' });
  if (!canAccess) return null;
  return <Menu.Item to="/imports/new" primaryText="Import CSV" leftIcon={<UploadFileIcon />} />;
};

/** The Operations pages that are no resources (admins and developers; the API answers 403 to others). */
const OpsPageItems = () => {
  const me = useMe();
  if (me?.role !== 'admin' && me?.role !== 'developer') return null;
  return (
    <>
      <Menu.Item to="/system" primaryText="System" leftIcon={<MonitorHeartIcon />} />
      <Menu.Item to="/rbac" primaryText="Access (RBAC)" leftIcon={<AdminPanelSettingsIcon />} />
    </>
  );
};

/** Headings in the menu, shown before the first resource of each group (in App's resource order). */
const GROUP_STARTS: Record<string, string> = {
  batches: 'Cohorts',
  daily_attendance: 'Engagement',
  integrity_cases: 'Integrity & communication',
  student_progress: 'Outreach',
  mentor_feedback: 'Recognition & feedback',
  mission_attendance_days: 'Reports',
  users: 'Administration',
  api_keys: 'Operations',
};
const groupsOf = (names: string[]) => {
  let current = '';
  return Object.fromEntries(names.map((name) => [name, (current = GROUP_STARTS[name] ?? current)]));
};

/**
 * Dashboard + one entry per resource the user may list (each item asks authProvider.canAccess),
 * under a heading per group when the menu is open. A mentor's students list is theirs only: "My students".
 * The Outreach group: the low-performer report, calls ("My calls" for an SRE), call lists, call logs, scripts, SREs.
 * Recognition & feedback: meeting ratings ("My feedback" for a mentor), shout-outs, certificates.
 */
const AppMenu = () => {
  const resources = useResourceDefinitions();
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  const isSre = me?.role === 'sre';
  // A mentor's students list is theirs only; an SRE's calls open on their own follow-up queue.
  const labels: Record<string, string | undefined> = {
    students: isMentor ? 'My students' : undefined,
    calls: isSre ? 'My calls' : undefined,
    mentor_feedback: isMentor ? 'My feedback' : undefined,
    mentor_load: isMentor ? 'My load' : undefined,
  };
  const [open] = useSidebarState();
  const names = Object.keys(resources).filter((name) => resources[name].hasList);
  const groupOf = groupsOf(names);
  const visible = names.filter((name) => can(me?.permissions, name, 'list'));
  const headed = new Set<string>();
  return (
    <Menu>
      <Menu.DashboardItem />
      {names.map((name) => {
        const group = groupOf[name];
        const heading = open && group && visible.includes(name) && !headed.has(group);
        if (heading) headed.add(group);
        return (
          <Fragment key={name}>
            {heading && (
              <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
                {group}
              </ListSubheader>
            )}
            {name === 'api_keys' && <OpsPageItems />}
            <Menu.ResourceItem name={name} {...(labels[name] ? { primaryText: labels[name] } : {})} />
            {name === 'students' && <ImportMenuItem />}
          </Fragment>
        );
      })}
      <Divider sx={{ my: 1 }} />
      <Menu.Item to="/profile" primaryText="My profile" leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppAppBar} menu={AppMenu}>
    {children}
  </RaLayout>
);
