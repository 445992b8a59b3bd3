import type { Knex } from 'knex';

/**
 * A mentor can stop mentoring on one mission (POST /mentor_pairings/reassign with deactivate) while keeping their
 * account and their other missions: an inactive mission mentor takes no new pairing, by hand, import or auto-pairing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE mission_mentors ADD COLUMN active boolean NOT NULL DEFAULT true;
    CREATE FUNCTION mentor_pairings_check_active() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM mission_mentors WHERE mission_id = NEW.mission_id AND mentor_id = NEW.mentor_id AND NOT active) THEN
        RAISE EXCEPTION 'mentor % is inactive on mission %', NEW.mentor_id, NEW.mission_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'mentor_pairings_mentor_active';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER mentor_pairings_mentor_active BEFORE INSERT OR UPDATE OF mentor_id, mission_id ON mentor_pairings
      FOR EACH ROW EXECUTE FUNCTION mentor_pairings_check_active();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS mentor_pairings_mentor_active ON mentor_pairings;
    DROP FUNCTION IF EXISTS mentor_pairings_check_active();
    ALTER TABLE mission_mentors DROP COLUMN IF EXISTS active;
  `);
}
