import type { Knex } from 'knex';

/**
 * A student whose mission enrolment is withdrawn gets no new submission (and so no points), however it is
 * recorded (a pasted list, by hand, SQL), as daily attendance already refuses them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION submissions_refuse_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM mission_enrolments WHERE student_id = NEW.student_id AND mission_id = NEW.mission_id AND status = 'withdrawn') THEN
        RAISE EXCEPTION 'enrolment withdrawn' USING ERRCODE = 'check_violation', CONSTRAINT = 'submissions_enrolment_not_withdrawn';
      END IF;
      RETURN NEW;
    END $$;
    -- After submissions_prepare (alphabetical order of BEFORE triggers), which sets mission_id from the assignment.
    CREATE TRIGGER submissions_refuse_withdrawn BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION submissions_refuse_withdrawn();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER submissions_refuse_withdrawn ON submissions;
    DROP FUNCTION submissions_refuse_withdrawn();
  `);
}
