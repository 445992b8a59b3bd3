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
  useUserMenu,
} from 'react-admin';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import UploadFileIcon from '@mui/icons-material/UploadFile';
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

/**
 * Dashboard + one entry per resource the user may list (each item asks authProvider.canAccess).
 * A mentor's students list is theirs only: "My students".
 */
const AppMenu = () => {
  const resources = useResourceDefinitions();
  const isMentor = useMe()?.role === 'mentor';
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .map((name) => (
          <Fragment key={name}>
            <Menu.ResourceItem name={name} {...(name === 'students' && isMentor ? { primaryText: 'My students' } : {})} />
            {name === 'students' && <ImportMenuItem />}
          </Fragment>
        ))}
      <Menu.Item to="/profile" primaryText="My profile" leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppAppBar} menu={AppMenu}>
    {children}
  </RaLayout>
);
