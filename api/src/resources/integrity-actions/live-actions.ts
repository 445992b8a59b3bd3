/** SQL: the student in `studentColumn` has a restriction in force (not lifted, not ended). */
export const hasLiveRestrictionSql = (studentColumn: string) =>
  `EXISTS (SELECT 1 FROM integrity_actions ia WHERE ia.student_id = ${studentColumn} AND ia.action = 'restrict'
           AND ia.lifted_at IS NULL AND (ia.ends_at IS NULL OR ia.ends_at > now()))`;
