import type { Model, QueryBuilder } from 'objection';

// The building blocks of every row scope, so "whose rows are these" is written once.
// Column references are fixed strings from resource code; only ids are bound as parameters.
type Query = QueryBuilder<Model>;

/** `column` holds a student the mentor is paired with, on any mission. */
export const whereStudentPairedWith = (query: Query, column: string, mentorId: number) =>
  query.whereRaw(`${column} IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ?)`, [mentorId]);

/** This row's (student, mission) is one the mentor is paired on. */
export const wherePairedOn = (query: Query, table: string, mentorId: number) =>
  query.whereRaw(
    `EXISTS (SELECT 1 FROM mentor_pairings scope_p WHERE scope_p.student_id = ${table}.student_id AND scope_p.mission_id = ${table}.mission_id AND scope_p.mentor_id = ?)`,
    [mentorId],
  );

/** `column` holds a mission the mentor is assigned to. */
export const whereMissionOfMentor = (query: Query, column: string, mentorId: number) =>
  query.whereRaw(`${column} IN (SELECT mission_id FROM mission_mentors WHERE mentor_id = ?)`, [mentorId]);

/** `column` holds a batch with a mission the mentor is assigned to. */
export const whereBatchOfMentor = (query: Query, column: string, mentorId: number) =>
  query.whereRaw(
    `${column} IN (SELECT m.batch_id FROM missions m JOIN mission_mentors mm ON mm.mission_id = m.id WHERE mm.mentor_id = ?)`,
    [mentorId],
  );

/** `column` holds a mission the student is enrolled in. */
export const whereMissionOfStudent = (query: Query, column: string, studentId: number) =>
  query.whereRaw(`${column} IN (SELECT mission_id FROM mission_enrolments WHERE student_id = ?)`, [studentId]);

/** `column` holds a batch the student belongs to. */
export const whereBatchOfStudent = (query: Query, column: string, studentId: number) =>
  query.whereRaw(`${column} IN (SELECT batch_id FROM batch_enrolments WHERE student_id = ?)`, [studentId]);
