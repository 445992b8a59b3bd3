import type { Role } from '../providers/session';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  developer: 'Developer',
  manager: 'Manager',
  sre: 'SRE',
  mentor: 'Mentor',
  student: 'Student',
};

export const roleChoices = (Object.keys(ROLE_LABELS) as Role[]).map((id) => ({ id, name: ROLE_LABELS[id] }));

/** Roles an admin can give a back office (staff) account. */
export const staffRoleChoices = roleChoices.filter((c) => c.id !== 'student');

export const STATUS_CHOICES = [
  { id: 'active', name: 'Active' },
  { id: 'disabled', name: 'Disabled' },
];

export const roleLabel = (role: string | undefined) => (role && ROLE_LABELS[role as Role]) || role || '';
