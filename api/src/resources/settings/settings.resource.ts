import { z } from 'zod';
import { fields, riskThresholds } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

const KEY = /^[A-Za-z][\w.-]{0,63}$/;

export const SETTINGS_FIELDS = [
  'school_name',
  'default_timezone',
  'points_attendance',
  'points_meeting',
  'points_on_time',
  'points_late',
  'risk_attendance_rate',
  'risk_missed_assignments',
  'risk_progress',
  'feature_flags',
  'email_templates',
] as const;

/**
 * The school's settings: one row, id 1. Staff read them; admins change them (PUT /settings/1), audited like any
 * other write. New batches take `default_timezone`, new missions the point rules and risk thresholds, from the
 * database itself (a BEFORE INSERT trigger), so imports, seeds and SQL get them too.
 */
export const settingsResource = defineResource({
  name: 'settings',
  model: tableModel('settings', ['feature_flags', 'email_templates']),
  policy: rolePolicy({
    admin: ['list', 'read', 'update'],
    developer: ['list', 'read'],
    manager: ['list', 'read'],
    sre: ['list', 'read'],
    mentor: ['list', 'read'],
  }),
  sortable: [],
  searchable: [],
  filterable: {},
  writable: { admin: SETTINGS_FIELDS },
  schema: z.object({
    school_name: z.string().trim().min(1, 'The school name is required.').max(200, 'The school name is too long (200 characters at most).'),
    default_timezone: fields.timezone,
    points_attendance: fields.count('Points'),
    points_meeting: fields.count('Points'),
    points_on_time: fields.count('Points'),
    points_late: fields.count('Points'),
    ...riskThresholds,
    feature_flags: z
      .record(z.string().regex(KEY, 'Feature flag names are letters, digits, dot, dash or underscore.'), z.boolean(), 'Feature flags are on/off switches, e.g. {"calendar": true}.')
      .refine((flags) => Object.keys(flags).length <= 100, 'At most 100 feature flags.'),
    email_templates: z
      .record(
        z.string().regex(KEY, 'Template names are letters, digits, dot, dash or underscore.'),
        z.object(
          {
            subject: z.string().trim().min(1, 'A template needs a subject.').max(200, 'A template subject is at most 200 characters.'),
            text: z.string().min(1, 'A template needs a text.').max(20000, 'A template text is at most 20,000 characters.'),
          },
          'Each email template is {"subject": "…", "text": "…"}.',
        ),
        'Email templates are an object of {"subject", "text"} by template name.',
      )
      .refine((templates) => Object.keys(templates).length <= 50, 'At most 50 email templates.'),
  }),
  constraintMessages: {
    settings_single_row: 'There is one settings record (id 1); it cannot be created or deleted.',
    settings_timezone_valid: 'Choose a valid time zone, e.g. Asia/Dhaka.',
    settings_points_valid: "Points can't be negative.",
    settings_risk_thresholds_valid: 'Risk thresholds are shares between 0 and 1, and at least 1 missed assignment.',
    settings_school_name_present: 'The school name is required.',
  },
});
