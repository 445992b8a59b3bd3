import { Fragment, forwardRef, type ReactNode } from 'react';
import {
  Layout as RaLayout,
  AppBar,
  TitlePortal,
  UserMenu,
  Logout,
  MenuItemLink,
  Menu,
  useSidebarState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Divider, ListSubheader } from '@mui/material';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { GlobalSearch } from './GlobalSearch';
import { MENU, PROFILE_ITEM, type MenuItemSpec } from './menu';
import { useDocumentTitle } from './useDocumentTitle';

/** "My profile" entry of the user menu (closes the menu when clicked). */
const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  const translate = useTranslate();
  const Icon = PROFILE_ITEM.icon;
  return (
    <MenuItemLink
      ref={ref}
      to="/profile"
      primaryText={translate(PROFILE_ITEM.label)}
      leftIcon={<Icon fontSize="small" />}
      onClick={() => userMenu?.onClose()}
      {...props}
    />
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

const AppUserMenu = () => {
  const me = useMe();
  return (
    <UserMenu label={me?.name ? `Account: ${me.name}` : 'Account'}>
      <ProfileMenuItem />
      <Logout />
    </UserMenu>
  );
};

const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />} color="primary" sx={{ '& #react-admin-title': { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}>
    <TitlePortal />
    <GlobalSearch />
  </AppBar>
);

/** Whether `item` belongs in this user's menu: their role is listed and the API lets them open it. */
const shows = (item: MenuItemSpec, me: ReturnType<typeof useMe>) => {
  if (!me || !item.roles.includes(me.role)) return false;
  if (item.needs) return can(me.permissions, item.needs.resource, item.needs.action);
  return item.resource ? can(me.permissions, item.resource, 'list') : true;
};

/** Home, then the role's groups (a heading each while the menu is open), then My profile. */
const AppMenu = () => {
  const me = useMe();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const groups = MENU.map((group) => ({ ...group, items: group.items.filter((item) => shows(item, me)) })).filter((g) => g.items.length > 0);
  const ProfileIcon = PROFILE_ITEM.icon;
  return (
    <Menu>
      <Menu.DashboardItem primaryText={translate('app.menu.home')} />
      {groups.map((group) => (
        <Fragment key={group.label}>
          {open && (
            <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
              {translate(group.label)}
            </ListSubheader>
          )}
          {group.items.map((item) => {
            const Icon = item.icon;
            const to = item.to ?? `/${item.resource}`;
            return <Menu.Item key={`${to}-${item.label}`} to={to} primaryText={translate(item.label)} leftIcon={<Icon />} />;
          })}
        </Fragment>
      ))}
      <Divider sx={{ my: 1 }} />
      <Menu.Item to={PROFILE_ITEM.to!} primaryText={translate(PROFILE_ITEM.label)} leftIcon={<ProfileIcon />} />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentTitle();
  return (
    <RaLayout appBar={AppAppBar} menu={AppMenu}>
      {children}
    </RaLayout>
  );
};
