import type { Knex } from 'knex';
import type { Me, TwoFactorState } from '../contract';
import type { Actor, Role } from '../core/actor';
import type { ResourceDefinition } from '../core/resource';
import { ACTIONS } from '../core/resource';
import { scopedQuery } from '../core/resource-router';
import { hasLiveRestrictionSql } from '../resources/integrity-actions/live-actions';

const PUBLIC_USER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.role', 'u.status', 'u.phone', 'u.avatar_url', 'u.timezone', 'u.notification_prefs', 'u.email_verified_at'];


/** `GET /auth/me` and the `user` of every sign-in answer. A pending session learns only who it is and what is next. */
export function meLoader(knex: Knex, resources: readonly ResourceDefinition[], requiredRoles: readonly Role[]) {
  const notices = () => resources.find((resource) => resource.name === 'notices');
  return async function me(actorId: number, { pending = false }: { pending?: boolean } = {}): Promise<Me> {
    const user = await knex('users as u')
      .leftJoin('user_totp as t', 't.user_id', 'u.id')
      .where('u.id', actorId)
      .first([
        ...PUBLIC_USER_COLUMNS,
        knex.raw('t.enabled_at IS NOT NULL AS totp_enabled'),
        // The user's day in their profile zone and the API's clock: the back office shows days and times from these,
        // whatever the browser's zone or clock says.
        knex.raw(`to_char((now() AT TIME ZONE u.timezone)::date, 'YYYY-MM-DD') AS today`),
        knex.raw('now() AS server_now'),
      ]);
    const { totp_enabled: enabled, ...fields } = user;
    const two_factor: TwoFactorState = {
      enabled: Boolean(enabled),
      required: requiredRoles.includes(user.role),
      pending,
      step: pending ? (enabled ? 'verify' : 'enrol') : null,
    };
    if (pending) return { ...fields, permissions: {}, two_factor };
    const actor = { id: user.id, role: user.role } as Actor;
    const permissions: Record<string, string[]> = {};
    for (const resource of resources) {
      const allowed = ACTIONS.filter((action) => resource.policy.can(actor, action));
      if (allowed.length) permissions[resource.name] = allowed;
    }
    const standing =
      user.role === 'student'
        ? await knex('students as s')
            .where('s.id', actorId)
            .first('s.status', 's.status_reason', knex.raw(`${hasLiveRestrictionSql('s.id')} AS restricted`))
        : undefined;
    const noticesResource = notices();
    const unreadNotices =
      user.role === 'student' && noticesResource
        ? await scopedQuery(noticesResource, actor, knex)
            .clearSelect()
            .whereRaw('NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = notices.id AND r.student_id = ?)', [actorId])
            .resultSize()
        : undefined;
    return { ...fields, permissions, two_factor, ...(standing ? { standing, unread_notices: unreadNotices } : {}) };
  };
}

export type MeLoader = ReturnType<typeof meLoader>;
