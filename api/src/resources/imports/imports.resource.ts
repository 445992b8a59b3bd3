import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** The history of CSV imports: who, when, what kind, counts, and the rows that were wrong. */
export const importsResource = defineResource({
  name: 'imports',
  model: tableModel('imports', ['errors']),
  policy: rolePolicy({ admin: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['created_at', 'kind', 'status', 'created_by'],
  searchable: ['filename'],
  filterable: { kind: ['eq', 'in'], status: ['eq', 'in'], created_by: ['eq'], created_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  columns: { created_by_name: 'users.name' },
  joins: (query) => query.join('users', 'users.id', 'imports.created_by'),
  defaultSort: ['created_at', 'DESC'],
});
