import type { Knex } from 'knex';

export const SHOUTOUT_BADGES = ['helpful', 'great_progress', 'consistent', 'creative', 'team_player', 'comeback'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- A mentor's (or other staff member's) small public recognition of a student.
    CREATE TABLE shoutouts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      mission_id bigint REFERENCES missions (id) ON DELETE CASCADE,
      badge text NOT NULL,
      message text NOT NULL DEFAULT '',
      given_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT shoutouts_badge_valid CHECK (badge IN (${SHOUTOUT_BADGES.map((b) => `'${b}'`).join(', ')})),
      CONSTRAINT shoutouts_message_length CHECK (length(message) <= 500)
    );
    CREATE INDEX shoutouts_student_idx ON shoutouts (student_id, created_at);
    CREATE INDEX shoutouts_given_by_idx ON shoutouts (given_by, created_at);

    -- A mission completion certificate: what it says is fixed when issued; the code lets anyone verify it.
    CREATE TABLE certificates (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL,
      mission_id bigint NOT NULL,
      code text NOT NULL,
      student_name text NOT NULL,
      mission_title text NOT NULL,
      batch_code text NOT NULL,
      points integer NOT NULL,
      issued_by bigint NOT NULL REFERENCES users (id),
      issued_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT certificates_code_key UNIQUE (code),
      CONSTRAINT certificates_once UNIQUE (student_id, mission_id),
      CONSTRAINT certificates_enrolment_fkey FOREIGN KEY (student_id, mission_id) REFERENCES mission_enrolments (student_id, mission_id) ON DELETE CASCADE,
      CONSTRAINT certificates_code_format CHECK (code ~ '^[A-Z0-9]{12}$')
    );
    CREATE INDEX certificates_mission_idx ON certificates (mission_id);

    -- Badges earned by the record itself, per mission enrolment: the longest run of consecutive check-in days,
    -- and every passed deadline met on time.
    CREATE VIEW student_achievements AS
    SELECT me.id, me.student_id, me.mission_id, m.code AS mission_code, m.title AS mission_title,
           runs.longest AS longest_streak, runs.longest >= 7 AS streak_7, runs.longest >= 30 AS streak_30,
           asg.due AS assignments_due, asg.due > 0 AND asg.on_time = asg.due AS all_on_time
    FROM mission_enrolments me
    JOIN missions m ON m.id = me.mission_id
    CROSS JOIN LATERAL (
      SELECT coalesce(max(n), 0)::int AS longest FROM (
        SELECT count(*) AS n FROM (
          SELECT da.local_date - (row_number() OVER (ORDER BY da.local_date))::int AS run
          FROM daily_attendance da WHERE da.student_id = me.student_id AND da.mission_id = me.mission_id
        ) days GROUP BY run
      ) lengths
    ) runs
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS due, count(*) FILTER (WHERE s.status = 'on_time')::int AS on_time
      FROM assignments a LEFT JOIN submissions s ON s.assignment_id = a.id AND s.student_id = me.student_id
      WHERE a.mission_id = me.mission_id AND a.deadline < now()
    ) asg;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP VIEW student_achievements;
    DROP TABLE certificates;
    DROP TABLE shoutouts;
  `);
}
