import type { Model, QueryBuilder } from 'objection';
import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy, type FilterOperator } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { RISK_REASONS } from '@sms/db/migrations/20261127000800_create_outreach';

export const DUE_VALUES = ['today', 'overdue', 'due'] as const;

/**
 * `due`: today = due today; overdue = due before today; due = both (the follow-up queue). Open calls only. Call
 * dates are days of the SRE who makes the call (their profile's time zone), as the database sets them.
 */
function applyDue(query: QueryBuilder<Model>, _op: FilterOperator, value: unknown): void {
  if (!DUE_VALUES.includes(value as (typeof DUE_VALUES)[number])) {
    throw errors.invalidQuery(`The "due" filter takes one of: ${DUE_VALUES.join(', ')}.`);
  }
  const comparison = value === 'today' ? '=' : value === 'overdue' ? '<' : '<=';
  query.where('calls.status', 'open').whereRaw(`calls.due_on ${comparison} (now() AT TIME ZONE assignees.timezone)::date`);
}

/** One student to phone on a call list, assigned to an SRE. Logging a call (call_logs) moves it on. */
export const callsResource = defineResource({
  name: 'calls',
  model: tableModel('calls'),
  policy: rolePolicy({
    admin: ['list', 'read', 'create', 'update', 'delete'],
    sre: ['list', 'read', 'create', 'update', 'delete'],
    manager: ['list', 'read'],
    developer: ['list', 'read'],
  }),
  sortable: ['due_on', 'status', 'attempts', 'last_called_at', 'created_at', 'student_name', 'assignee_name'],
  searchable: ['student_name', 'student_email', 'student_phone'],
  filterable: {
    call_list_id: ['eq', 'in'],
    student_id: ['eq', 'in'],
    assigned_to: ['eq', 'in'],
    status: ['eq', 'in'],
    due_on: ['eq', 'lt', 'lte', 'gte'],
    last_outcome: ['eq', 'in'],
    due: { ops: ['eq'], apply: applyDue },
    mine: {
      ops: ['eq'],
      apply: (query, _op, value, actor) => {
        if (value === true || value === 'true') query.where('calls.assigned_to', actor.id);
      },
    },
  },
  writable: { any: ['call_list_id', 'student_id', 'assigned_to', 'reasons', 'status', 'due_on'] },
  schema: z.object({
    call_list_id: fields.id,
    student_id: fields.id,
    assigned_to: fields.id,
    reasons: z.array(z.enum(RISK_REASONS, { error: `Reasons are: ${RISK_REASONS.join(', ')}.` })).max(RISK_REASONS.length).default(['other']),
    status: z.enum(['open', 'done'], { error: 'Status is open or done.' }).default('open'),
    due_on: fields.date.optional(),
  }),
  columns: {
    student_name: 'call_students.name',
    student_email: 'call_students.email',
    student_phone: 'call_students.phone',
    assignee_name: 'assignees.name',
    list_title: 'call_list.title',
  },
  joins: (query) =>
    query
      .join('users as call_students', 'call_students.id', 'calls.student_id')
      .join('users as assignees', 'assignees.id', 'calls.assigned_to')
      .join('call_lists as call_list', 'call_list.id', 'calls.call_list_id'),
  defaultSort: ['due_on', 'ASC'],
  constraintMessages: {
    calls_list_student_key: 'This student is already on this call list.',
    calls_assignee_fkey: 'Calls can only be assigned to an SRE.',
    calls_call_list_id_fkey: 'That call list does not exist.',
    calls_student_id_fkey: 'That student does not exist.',
  },
});
