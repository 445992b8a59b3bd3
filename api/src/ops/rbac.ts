import { ROLES, type Actor, type Role } from '../core/actor';
import { ACTIONS, type Action, type ResourceDefinition } from '../core/resource';
import { CUSTOM_ROUTES, type CustomRoute, type RouteAccess } from './custom-routes';

/** A stand-in for a signed-in user of a role: policies' `can` looks at the role only. */
export function fakeActor(role: Role): Actor {
  return { id: 0, email: `${role}@rbac.invalid`, name: role, role, sessionId: 0, via: 'bearer', csrfToken: '', standing: role === 'student' ? { status: 'active', restricted: false } : undefined };
}

export interface ResourcePermissions {
  resource: string;
  /** role → the actions its policy allows. */
  roles: Record<Role, Action[]>;
  /** role → the fields it may set (create/update), from the declaration. */
  writable: Partial<Record<Role, string[]>>;
  /** Whether rows are narrowed per user beyond the role (mentors to their students, students to their own). */
  scoped_roles: Role[];
}

export interface RoutePermissions {
  method: string;
  path: string;
  tag: string;
  roles: Role[] | 'everyone';
  rule: string;
}

export function resourceMatrix(resources: readonly ResourceDefinition[]): ResourcePermissions[] {
  return resources.map((resource) => {
    const roles = Object.fromEntries(ROLES.map((role) => [role, ACTIONS.filter((action) => resource.policy.can(fakeActor(role), action))])) as Record<Role, Action[]>;
    const writable: Partial<Record<Role, string[]>> = {};
    for (const role of ROLES) {
      if (!roles[role].includes('create') && !roles[role].includes('update')) continue;
      const fields = [...(resource.writable.any ?? []), ...(resource.writable[role] ?? [])];
      if (fields.length) writable[role] = [...new Set(fields)];
    }
    return { resource: resource.name, roles, writable, scoped_roles: scopedRoles(resource) };
  });
}

/**
 * The roles whose rows a resource's scope narrows: the scope is run against a recording query builder for a fake
 * actor of each role, and any `where…` it adds counts. Cheap (nothing runs against the database).
 */
function scopedRoles(resource: ResourceDefinition): Role[] {
  return ROLES.filter((role) => {
    let narrowed = false;
    const recorder: unknown = new Proxy(
      {},
      {
        get: (_target, property) => {
          if (typeof property === 'string' && /^(where|orWhere|andWhere|join|innerJoin|whereRaw|whereExists|whereIn)/.test(property)) narrowed = true;
          return () => recorder;
        },
      },
    );
    try {
      resource.policy.scope(fakeActor(role), recorder as never);
    } catch {
      narrowed = true;
    }
    return narrowed;
  });
}

/** The roles a custom route admits, computed from the policies it applies where it applies them. */
export function routeRoles(access: RouteAccess, resources: readonly ResourceDefinition[]): Role[] | 'everyone' {
  if (access.public) return 'everyone';
  let roles: Role[] = access.roles ? [...access.roles] : [...ROLES];
  for (const [name, action] of access.requires ?? []) {
    const resource = resources.find((r) => r.name === name);
    roles = roles.filter((role) => resource?.policy.can(fakeActor(role), action) ?? false);
  }
  return roles;
}

function describe(access: RouteAccess): string {
  const parts: string[] = [];
  if (access.public) parts.push('signed out');
  if (access.signedIn) parts.push('any signed-in user');
  if (access.roles) parts.push(`role in ${access.roles.join(', ')}`);
  for (const [name, action] of access.requires ?? []) parts.push(`can ${action} ${name}`);
  if (access.token) parts.push(`or bearer ${access.token}`);
  return parts.join('; ');
}

export function routeMatrix(resources: readonly ResourceDefinition[], routes: readonly CustomRoute[] = CUSTOM_ROUTES): RoutePermissions[] {
  return routes.map((route) => ({ method: route.method, path: route.path, tag: route.tag, roles: routeRoles(route.access, resources), rule: describe(route.access) }));
}

/** The routes the generic resource router serves for each resource. */
export function genericRoutes(resources: readonly ResourceDefinition[]): { method: string; path: string }[] {
  return resources.flatMap((resource) => {
    const base = `/${resource.name}`;
    return [
      { method: 'GET', path: `${base}/export.csv` },
      { method: 'GET', path: base },
      { method: 'GET', path: `${base}/:id` },
      { method: 'POST', path: base },
      { method: 'PUT', path: `${base}/:id` },
      { method: 'DELETE', path: `${base}/:id` },
      { method: 'PUT', path: base },
      { method: 'DELETE', path: base },
    ];
  });
}

/** Registered routes that are neither generic nor in the custom route table (the table must list them). */
export function unlistedRoutes(registered: readonly { method: string; path: string }[], resources: readonly ResourceDefinition[]): { method: string; path: string }[] {
  const known = new Set([...genericRoutes(resources), ...CUSTOM_ROUTES].map((route) => `${route.method} ${route.path}`));
  const seen = new Set<string>();
  return registered.filter((route) => {
    const key = `${route.method} ${route.path}`;
    if (known.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
