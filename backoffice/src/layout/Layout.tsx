import type { ReactNode } from 'react';
import { Layout as RaLayout, AppBar, TitlePortal, UserMenu, Logout, MenuItemLink, Menu, useUserMenu } from 'react-admin';
import { forwardRef } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';

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

/** Dashboard + one entry per resource the user may list (react-admin asks authProvider.canAccess). */
const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Menu.Item to="/profile" primaryText="My profile" leftIcon={<AccountCircleIcon />} />
  </Menu>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppAppBar} menu={AppMenu}>
    {children}
  </RaLayout>
);
