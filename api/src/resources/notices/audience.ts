/** SQL for "the students a notice is addressed to", given a one-row relation `n` holding the notice. */
export const AUDIENCE_STUDENTS_SQL = `
  SELECT s.id AS student_id FROM students s, n WHERE n.audience = 'everyone'
  UNION SELECT be.student_id FROM batch_enrolments be, n WHERE n.audience = 'batch' AND be.batch_id = n.batch_id
  UNION SELECT me.student_id FROM mission_enrolments me, n WHERE n.audience = 'mission' AND me.mission_id = n.mission_id`;

/** Students of the notice's audience who have not acknowledged it: the call list's saved filter. */
export const NOT_ACKNOWLEDGED_SQL = `
  WITH n AS (SELECT * FROM notices WHERE id = ?::bigint)
  ${AUDIENCE_STUDENTS_SQL}
  EXCEPT SELECT student_id FROM notice_reads WHERE notice_id = ?::bigint AND acknowledged_at IS NOT NULL`;
