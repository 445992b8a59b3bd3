import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** What to say on a call, one script per reason a student is on a call list. The reasons are fixed; the words are the team's. */
export const callScriptsResource = defineResource({
  name: 'call_scripts',
  model: tableModel('call_scripts'),
  policy: rolePolicy({
    admin: ['list', 'read', 'update'],
    manager: ['list', 'read', 'update'],
    sre: ['list', 'read', 'update'],
    developer: ['list', 'read'],
  }),
  sortable: ['reason', 'title', 'updated_at'],
  searchable: ['title', 'body'],
  filterable: { reason: ['eq', 'in'] },
  writable: { any: ['title', 'body'] },
  schema: z.object({
    title: fields.title,
    body: z.string().trim().min(1, 'Write the script.').max(10000, 'The script is too long (10,000 characters at most).'),
  }),
  defaultSort: ['reason', 'ASC'],
});
