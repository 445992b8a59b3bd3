import type { MailMessage } from './mailer';

const signature = '\n\n— The school team\n\nIf you did not expect this email, you can ignore it.';

/**
 * The emails the system sends, each under a template name an admin can override in the settings
 * (`email_templates.<name> = {subject, text}`, with `{name}`-style placeholders from `vars`).
 */
export const mailTemplates = {
  verifyEmail: (to: string, name: string, link: string): MailMessage => ({
    template: 'verify_email',
    vars: { name, link },
    to,
    subject: 'Confirm your email address',
    text: `Hello ${name},\n\nConfirm your email address to finish signing up:\n${link}\n\nThe link works once and expires in 48 hours.${signature}`,
  }),
  alreadyRegistered: (to: string, name: string, signInLink: string, resetLink: string): MailMessage => ({
    template: 'already_registered',
    vars: { name, sign_in_link: signInLink, reset_link: resetLink },
    to,
    subject: 'You already have an account',
    text: `Hello ${name},\n\nSomeone (hopefully you) tried to sign up with this email, but you already have an account.\nSign in: ${signInLink}\nForgot your password? ${resetLink}${signature}`,
  }),
  resetPassword: (to: string, name: string, link: string): MailMessage => ({
    template: 'reset_password',
    vars: { name, link },
    to,
    subject: 'Reset your password',
    text: `Hello ${name},\n\nChoose a new password here:\n${link}\n\nThe link works once and expires in 1 hour. Signing in with the new password ends all your other sessions.${signature}`,
  }),
  invite: (to: string, name: string, role: string, link: string): MailMessage => ({
    template: 'invite',
    vars: { name, role, link },
    to,
    subject: 'You have been invited to the school’s SMS',
    text: `Hello ${name},\n\nAn administrator created a ${role} account for you. Choose your password to start:\n${link}\n\nThe link works once and expires in 7 days.${signature}`,
  }),
  twoFactorReset: (to: string, name: string, signInLink: string): MailMessage => ({
    template: 'two_factor_reset',
    vars: { name, sign_in_link: signInLink },
    to,
    subject: 'Your two-factor sign-in was reset',
    text: `Hello ${name},\n\nAn administrator reset the two-factor sign-in of your account and signed you out everywhere. Your authenticator app's old entry no longer works: remove it, and set two-factor sign-in up again when you next sign in:\n${signInLink}\n\nIf you did not ask for this, tell the school at once.\n\n— The school team`,
  }),
  mentorChanged: (to: string, name: string, missionCode: string, mentorName: string, link: string): MailMessage => ({
    template: 'mentor_changed',
    vars: { name, mission: missionCode, mentor: mentorName, link },
    to,
    subject: `Your mentor on ${missionCode} is now ${mentorName}`,
    text: `Hello ${name},\n\nYour mentor on ${missionCode} is now ${mentorName}. Your submissions, tickets and notes stay as they were; ${mentorName} will pick up from here.\n${link}\n\n— The school team`,
  }),
  menteesAssigned: (to: string, name: string, missionCode: string, students: string[], link: string): MailMessage => ({
    template: 'mentees_assigned',
    vars: { name, mission: missionCode, count: String(students.length), students: students.join(', '), link },
    to,
    subject: `${students.length} new student${students.length === 1 ? '' : 's'} for you on ${missionCode}`,
    text: `Hello ${name},\n\nThese students on ${missionCode} are now yours to mentor:\n${students.map((student) => `- ${student}`).join('\n')}\n\n${link}\n\n— The school team`,
  }),
};
