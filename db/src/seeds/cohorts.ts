import type { Knex } from 'knex';

export interface CohortShape {
  /** Prefix of batch codes and generated emails, so several runs can share a database. */
  prefix: string;
  batches: number;
  studentsPerBatch: number;
  missionsPerBatch: number;
  mentorsPerBatch: number;
  /** Password hash for generated accounts, or null for accounts that can't sign in. */
  passwordHash: string | null;
  startsOn?: string;
  /** Days each mission runs (missions start 30 days apart); the batch runs until its last mission ends. */
  missionDays?: number;
  /** Days between one batch's start and the next's (0: all run side by side, as a school's ten batches do). */
  batchStaggerDays?: number;
  /** Days between one mission's start and the next's (30: they overlap; missionDays: in sequence). */
  missionSpacingDays?: number;
}

/**
 * Generates whole cohorts with set-based SQL: batches, missions, mentors, students, batch and mission
 * enrolments, mentors on every mission of their batch, and each student paired with one mentor per mission.
 * Fast enough for the full 10 × 3,000 data set.
 */
export async function generateCohorts(trx: Knex.Transaction, shape: CohortShape): Promise<void> {
  // Statuses follow from the dates, so the default start is relative to today: 40 days in, missions 1 and 2 running.
  const p = { ...shape, startsOn: shape.startsOn ?? new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10), missionDays: shape.missionDays ?? 44 };
  const bindings = {
    prefix: p.prefix,
    batches: p.batches,
    students: p.studentsPerBatch,
    missions: p.missionsPerBatch,
    mentors: p.mentorsPerBatch,
    hash: p.passwordHash,
    starts: p.startsOn,
    // Missions inside their batch (the database insists): 180 days, or longer when the missions need it.
    batchDays: Math.max(180, (p.missionsPerBatch - 1) * (shape.missionSpacingDays ?? 30) + p.missionDays),
    spacing: shape.missionSpacingDays ?? 30,
    missionDays: p.missionDays - 1,
    stagger: shape.batchStaggerDays ?? 0,
  };
  await trx.raw(
    // Status follows from the dates (the database derives it).
    `INSERT INTO batches (code, title, starts_on, ends_on, timezone, capacity)
     SELECT :prefix || '-B' || lpad(b::text, 2, '0'), 'Batch ' || b || ' (' || :prefix || ')',
            :starts::date + (b - 1) * :stagger::int, :starts::date + (b - 1) * :stagger::int + :batchDays::int, 'Asia/Dhaka', greatest(:students, 1)
     FROM generate_series(1, :batches) b`,
    bindings,
  );
  await trx.raw(
    `INSERT INTO missions (batch_id, code, title, description, starts_on, ends_on, position)
     SELECT bt.id, 'M' || m, 'Mission ' || m || ': ' || (ARRAY['Foundations','Web basics','JavaScript','React','Backend','Databases','Deploy','Capstone'])[1 + (m - 1) % 8],
            'Week-by-week work for mission ' || m || '.',
            bt.starts_on + (m - 1) * :spacing::int, bt.starts_on + (m - 1) * :spacing::int + :missionDays::int, m
     FROM batches bt CROSS JOIN generate_series(1, :missions) m
     WHERE bt.code LIKE :prefix || '-B%'`,
    bindings,
  );
  await trx.raw(
    `INSERT INTO users (email, name, role, password_hash, email_verified_at, phone)
     SELECT lower(:prefix) || '.mentor.b' || b || '.' || i || '@example.org',
            (ARRAY['Arif','Nusrat','Tanvir','Farhana','Rakib','Sumaiya','Imran','Jannat','Shakil','Laboni'])[1 + i % 10] || ' ' ||
            (ARRAY['Hossain','Akter','Rahman','Islam','Chowdhury','Karim','Ahmed','Sultana'])[1 + (b + i) % 8] || ' M' || b || '.' || i,
            'mentor', :hash, now(), '+88017' || lpad((b * 1000 + i)::text, 8, '0')
     FROM generate_series(1, :batches) b CROSS JOIN generate_series(1, :mentors) i`,
    bindings,
  );
  // The users trigger adds each student's students row.
  await trx.raw(
    `INSERT INTO users (email, name, role, password_hash, email_verified_at, phone)
     SELECT lower(:prefix) || '.student.b' || b || '.' || i || '@example.org',
            (ARRAY['Rahim','Karim','Ayesha','Fatema','Sakib','Mim','Hasan','Tania','Nafis','Riya','Sabbir','Anika'])[1 + i % 12] || ' ' ||
            (ARRAY['Uddin','Begum','Hossain','Khatun','Mia','Sarkar','Das','Roy','Paul','Biswas'])[1 + (i / 12 + b) % 10] || ' ' || b || '-' || i,
            'student', :hash, now(), '+88019' || lpad((b * 100000 + i)::text, 8, '0')
     FROM generate_series(1, :batches) b CROSS JOIN generate_series(1, :students) i`,
    bindings,
  );
  await trx.raw(
    `INSERT INTO batch_enrolments (batch_id, student_id)
     SELECT bt.id, u.id
     FROM users u
     JOIN batches bt ON bt.code = :prefix || '-B' || lpad(substring(u.email from '\\.student\\.b(\\d+)\\.')::text, 2, '0')
     WHERE u.email LIKE lower(:prefix) || '.student.b%'`,
    bindings,
  );
  await trx.raw(
    `INSERT INTO mission_enrolments (mission_id, batch_id, student_id, created_at)
     SELECT m.id, m.batch_id, be.student_id, least(now(), m.starts_on::timestamp AT TIME ZONE bt.timezone)
     FROM batch_enrolments be JOIN missions m ON m.batch_id = be.batch_id
     JOIN batches bt ON bt.id = be.batch_id
     WHERE bt.code LIKE :prefix || '-B%'`,
    bindings,
  );
  await trx.raw(
    `INSERT INTO mission_mentors (mission_id, mentor_id)
     SELECT m.id, u.id
     FROM users u
     JOIN batches bt ON bt.code = :prefix || '-B' || lpad(substring(u.email from '\\.mentor\\.b(\\d+)\\.')::text, 2, '0')
     JOIN missions m ON m.batch_id = bt.id
     WHERE u.email LIKE lower(:prefix) || '.mentor.b%'`,
    bindings,
  );
  // Round-robin: the k-th student of a mission goes to its (k mod n)-th mentor.
  await trx.raw(
    `INSERT INTO mentor_pairings (mission_id, student_id, mentor_id)
     SELECT s.mission_id, s.student_id, mm.mentor_id
     FROM (SELECT me.mission_id, me.student_id, row_number() OVER (PARTITION BY me.mission_id ORDER BY me.student_id) - 1 AS k
           FROM mission_enrolments me JOIN batches bt ON bt.id = me.batch_id WHERE bt.code LIKE :prefix || '-B%') s
     JOIN (SELECT mission_id, mentor_id, row_number() OVER (PARTITION BY mission_id ORDER BY mentor_id) - 1 AS j,
                  count(*) OVER (PARTITION BY mission_id) AS n
           FROM mission_mentors) mm ON mm.mission_id = s.mission_id AND mm.j = s.k % mm.n`,
    bindings,
  );
}

/**
 * Attendance history for the generated cohorts' active missions: the `days` days before today (from each
 * mission's start), about six students in seven each day and one in nine slipping, with the points (by trigger) and audit entries the API would have written.
 * A mid-batch database has this history; benchmarks run on it rather than on empty tables.
 */
export async function generateAttendanceHistory(trx: Knex.Transaction, shape: { prefix: string; days: number }): Promise<void> {
  await trx.raw(
    `WITH inserted AS (
       INSERT INTO daily_attendance (student_id, mission_id, submitted_at, note)
       SELECT me.student_id, me.mission_id, now() - make_interval(days => d), 'Worked through the day''s material'
       FROM mission_enrolments me
       JOIN missions m ON m.id = me.mission_id AND m.status = 'active'
       JOIN batches bt ON bt.id = m.batch_id AND bt.code LIKE :prefix || '-B%'
       JOIN users u ON u.id = me.student_id AND u.email LIKE lower(:prefix) || '.student.%'
       CROSS JOIN generate_series(1, :days) d
       WHERE (me.student_id + d) % 7 <> 0
         -- About one student in nine is slipping: they check in one day in three.
         AND (me.student_id % 9 <> 0 OR d % 3 = 0)
         AND ((now() - make_interval(days => d)) AT TIME ZONE bt.timezone)::date >= m.starts_on
       RETURNING *
     )
     INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, at)
     SELECT student_id, 'student', 'create', 'daily_attendance', id::text, to_jsonb(inserted), submitted_at FROM inserted`,
    { prefix: shape.prefix, days: shape.days },
  );
}
