import type { Action } from './session';

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
