import type { Knex } from 'knex';

/**
 * A mentor note belongs to a mission: mentors read the notes of the missions they mentor that student on. Notes
 * written without one get the mission their author was paired with the student on (the earliest, if several);
 * a note whose author was never paired with the student keeps no mission and is read only by SREs, managers and
 * admins. New notes must name a mission (checked for new rows; validated too once no old note lacks one), and go
 * with their mission when it is deleted, like the rest of a mission's records.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE mentor_notes n SET mission_id = p.mission_id
    FROM (SELECT DISTINCT ON (student_id, mentor_id) student_id, mentor_id, mission_id FROM mentor_pairings ORDER BY student_id, mentor_id, mission_id) p
    WHERE n.mission_id IS NULL AND p.student_id = n.student_id AND p.mentor_id = n.author_id;

    ALTER TABLE mentor_notes DROP CONSTRAINT mentor_notes_mission_id_fkey;
    ALTER TABLE mentor_notes ADD CONSTRAINT mentor_notes_mission_id_fkey FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE CASCADE;
    ALTER TABLE mentor_notes ADD CONSTRAINT mentor_notes_mission_given CHECK (mission_id IS NOT NULL) NOT VALID;
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM mentor_notes WHERE mission_id IS NULL) THEN
        ALTER TABLE mentor_notes VALIDATE CONSTRAINT mentor_notes_mission_given;
      END IF;
    END $$;
    CREATE INDEX mentor_notes_student_mission_idx ON mentor_notes (student_id, mission_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX mentor_notes_student_mission_idx;
    ALTER TABLE mentor_notes DROP CONSTRAINT mentor_notes_mission_given;
    ALTER TABLE mentor_notes DROP CONSTRAINT mentor_notes_mission_id_fkey;
    ALTER TABLE mentor_notes ADD CONSTRAINT mentor_notes_mission_id_fkey FOREIGN KEY (mission_id) REFERENCES missions (id) ON DELETE SET NULL;
  `);
}
