import type { Config } from '../config';

/** The links emails carry: students land on the portal, staff on the back office. */
export function appLinks(config: Pick<Config, 'PORTAL_URL' | 'BACKOFFICE_URL'>) {
  const onPortal = (role: string) => role === 'student';
  return {
    verify: (token: string) => `${config.PORTAL_URL}/verify-email?token=${token}`,
    reset: (role: string, token: string) =>
      onPortal(role) ? `${config.PORTAL_URL}/reset-password?token=${token}` : `${config.BACKOFFICE_URL}/#/reset-password?token=${token}`,
    invite: (role: string, token: string) =>
      onPortal(role)
        ? `${config.PORTAL_URL}/reset-password?token=${token}&invite=1`
        : `${config.BACKOFFICE_URL}/#/reset-password?token=${token}&invite=1`,
    signIn: (role: string) => (onPortal(role) ? `${config.PORTAL_URL}/login` : config.BACKOFFICE_URL),
    forgot: (role: string) => (onPortal(role) ? `${config.PORTAL_URL}/forgot-password` : `${config.BACKOFFICE_URL}/#/forgot-password`),
  };
}

export type Links = ReturnType<typeof appLinks>;
