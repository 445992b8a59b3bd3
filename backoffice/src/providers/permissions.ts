import type { Action, Role } from './session';

export type Permissions = Record<string, Action[]>;

/** react-admin's UI actions → the API's permission verbs. */
const ACTION_MAP: Record<string, Action> = {
  list: 'list',
  export: 'list',
  show: 'read',
  read: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  update: 'update',
  delete: 'delete',
};

/**
 * Mirrors the API's permission map for menus and buttons only: the API remains the
 * boundary. `resource` may be "users" or a field path such as "users.email" (checked
 * on its resource).
 */
export const can = (
  permissions: Permissions | null | undefined,
  resource: string | undefined,
  action: string,
): boolean => {
  if (!permissions || !resource) return false;
  const name = resource.split('.')[0];
  const verbs = permissions[name];
  if (!verbs) return false;
  const verb = ACTION_MAP[action] ?? action;
  return verbs.includes(verb as Action);
};

/**
 * Actions of the API's custom routes, which its permission map (CRUD verbs per resource) does not list,
 * by role as the routes check them; for buttons only, the API remains the boundary.
 */
const ROLE_ACTIONS: Record<string, Role[]> = {
  'certificates.issue': ['admin', 'manager', 'sre'],
};

/** Whether `role` may do a custom-route action such as ("certificates", "issue"); undefined when none is declared. */
export const canByRole = (role: Role | undefined, resource: string | undefined, action: string): boolean | undefined => {
  const roles = ROLE_ACTIONS[`${resource?.split('.')[0]}.${action}`];
  return roles ? Boolean(role && roles.includes(role)) : undefined;
};
