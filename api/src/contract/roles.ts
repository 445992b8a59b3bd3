// The six roles; the one list the API's policies and the portal's types read.

export const ROLES = ['admin', 'developer', 'manager', 'sre', 'mentor', 'student'] as const;
export type Role = (typeof ROLES)[number];
