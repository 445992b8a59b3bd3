import { z } from 'zod';
import { ROLES } from '../../core/actor';
import { fields } from '../../core/fields';
import { AppError } from '../../core/errors';
import { defineResource, rolePolicy } from '../../core/resource';
import { issueToken } from '../../auth/tokens';
import { mailTemplates } from '../../mail/templates';
import type { Mailer } from '../../mail/mailer';
import type { Links } from '../../auth/links';
import { User } from './user.model';

const PROFILE_FIELDS = ['name', 'phone', 'avatar_url', 'timezone', 'notification_prefs'] as const;

export function usersResource(deps: { mailer: Mailer; links: Links }) {
  return defineResource({
    name: 'users',
    model: User,
    // Admins manage everyone; every other role reads and edits only its own account (its profile page).
    policy: rolePolicy(
      { admin: '*', developer: ['read', 'update'], manager: ['read', 'update'], sre: ['read', 'update'], mentor: ['read', 'update'], student: ['read', 'update'] },
      (actor, query) => {
        if (actor.role !== 'admin') query.where('users.id', actor.id);
      },
    ),
    sortable: ['name', 'email', 'role', 'status', 'created_at', 'last_sign_in_at'],
    searchable: ['name', 'email'],
    filterable: {
      role: ['eq', 'in', 'neq'],
      status: ['eq', 'in', 'neq'],
      email: ['eq'],
      created_at: ['gte', 'lte'],
      last_sign_in_at: ['gte', 'lte'],
    },
    writable: { any: PROFILE_FIELDS, admin: ['email', 'role', 'status'] },
    hidden: ['password_hash', 'password_changed_at'],
    defaultSort: ['name', 'ASC'],
    schema: z.object({
      email: fields.email,
      name: fields.name,
      role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` }),
      status: z.enum(['active', 'disabled'], { error: 'Status must be active or disabled.' }).optional(),
      phone: fields.phone,
      avatar_url: z.string().trim().url('Enter a full http(s) URL.').regex(/^https?:\/\//, 'Enter a full http(s) URL.').nullable().optional().or(z.literal('').transform(() => null)),
      timezone: fields.timezone.optional(),
      notification_prefs: z.record(z.string(), z.boolean(), 'Notification preferences must be on/off switches.').optional(),
    }),
    constraintMessages: {
      users_email_key: 'An account with this email already exists.',
      users_email_normalised: 'Enter a valid email address.',
      users_avatar_url_http: 'The avatar must be an http(s) URL.',
      users_phone_length: 'The phone number is too long.',
      students_user_fkey: "This account is a student's; its role can't change while the student record exists.",
      mission_mentors_mentor_fkey: 'This mentor is assigned to missions; remove those assignments before changing the role.',
      audit_log_actor_user_id_fkey: 'This user has a history in the audit log, so the account cannot be deleted. Disable it instead.',
    },
    validate(data, existing, ctx) {
      if (existing && existing.id === ctx.actor.id && (('role' in data && data.role !== existing.role) || data.status === 'disabled')) {
        throw new AppError(422, 'VALIDATION_FAILED', "You can't disable your own account or change your own role. Ask another admin.", {
          fields: { [('role' in data) ? 'role' : 'status']: 'not allowed on your own account' },
        });
      }
    },
    beforeCreate(data) {
      // Created by an admin: no password yet; the invitation link sets it and confirms the email.
      return { ...data, role: data.role ?? 'mentor', status: 'active' };
    },
    async afterCreate(row, ctx) {
      const token = await issueToken(ctx.trx, row.id as number, 'invite');
      await deps.mailer.send(ctx.trx, mailTemplates.invite(row.email as string, row.name as string, row.role as string, deps.links.invite(row.role as string, token)));
    },
  });
}
