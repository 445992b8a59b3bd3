import type { Knex } from 'knex';

const TIMEZONE_VALID = (column: string) => `(('2000-01-01 00:00+00'::timestamptz AT TIME ZONE ${column}) IS NOT NULL)`;

/** Mission columns a new mission takes from the settings when it is created without them, with the old defaults. */
export const MISSION_DEFAULTS = {
  points_attendance: '1',
  points_meeting: '2',
  points_on_time: '10',
  points_late: '5',
  risk_attendance_rate: '0.6',
  risk_missed_assignments: '2',
  risk_progress: '0.5',
} as const;
const MISSION_COLUMNS = Object.keys(MISSION_DEFAULTS);

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- The school's settings: one row (id 1), edited by admins. New batches and missions take their defaults
    -- from it, so the defaults live in data rather than in column DEFAULTs.
    CREATE TABLE settings (
      id integer PRIMARY KEY DEFAULT 1,
      school_name text NOT NULL DEFAULT 'SMS',
      default_timezone text NOT NULL DEFAULT 'Asia/Dhaka',
      points_attendance integer NOT NULL DEFAULT ${MISSION_DEFAULTS.points_attendance},
      points_meeting integer NOT NULL DEFAULT ${MISSION_DEFAULTS.points_meeting},
      points_on_time integer NOT NULL DEFAULT ${MISSION_DEFAULTS.points_on_time},
      points_late integer NOT NULL DEFAULT ${MISSION_DEFAULTS.points_late},
      risk_attendance_rate numeric(4, 3) NOT NULL DEFAULT ${MISSION_DEFAULTS.risk_attendance_rate},
      risk_missed_assignments integer NOT NULL DEFAULT ${MISSION_DEFAULTS.risk_missed_assignments},
      risk_progress numeric(4, 3) NOT NULL DEFAULT ${MISSION_DEFAULTS.risk_progress},
      feature_flags jsonb NOT NULL DEFAULT '{}'::jsonb,
      email_templates jsonb NOT NULL DEFAULT '{}'::jsonb,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT settings_single_row CHECK (id = 1),
      CONSTRAINT settings_school_name_present CHECK (length(btrim(school_name)) BETWEEN 1 AND 200),
      CONSTRAINT settings_timezone_valid CHECK ${TIMEZONE_VALID('default_timezone')},
      CONSTRAINT settings_points_valid CHECK (points_attendance >= 0 AND points_meeting >= 0 AND points_on_time >= 0 AND points_late >= 0),
      CONSTRAINT settings_risk_thresholds_valid CHECK (
        risk_attendance_rate BETWEEN 0 AND 1 AND risk_missed_assignments >= 1 AND risk_progress BETWEEN 0 AND 1),
      CONSTRAINT settings_feature_flags_object CHECK (jsonb_typeof(feature_flags) = 'object'),
      CONSTRAINT settings_email_templates_object CHECK (jsonb_typeof(email_templates) = 'object')
    );
    CREATE TRIGGER settings_touch_updated_at BEFORE UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
    INSERT INTO settings (id) VALUES (1);

    -- The one row stays: there is nothing sensible for the defaults to fall back to without it.
    CREATE FUNCTION settings_keep_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the settings row cannot be deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'settings_single_row';
    END $$;
    CREATE TRIGGER settings_keep_row BEFORE DELETE ON settings FOR EACH ROW EXECUTE FUNCTION settings_keep_row();
    CREATE TRIGGER settings_keep_row_truncate BEFORE TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION settings_keep_row();

    -- A new mission without point rules or risk thresholds gets the settings' values, however it is inserted
    -- (API, import, seed, SQL). The columns lose their DEFAULT so an omitted value arrives here as NULL; NOT NULL
    -- is checked after this trigger, so an explicit value always wins and the row is never left without one.
    ALTER TABLE missions ${MISSION_COLUMNS.map((column) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')};
    CREATE FUNCTION missions_defaults_from_settings() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      s settings%ROWTYPE;
    BEGIN
      IF ${MISSION_COLUMNS.map((column) => `NEW.${column} IS NULL`).join(' OR ')} THEN
        SELECT * INTO s FROM settings WHERE id = 1;
        ${MISSION_COLUMNS.map((column) => `NEW.${column} := coalesce(NEW.${column}, s.${column}, ${MISSION_DEFAULTS[column as keyof typeof MISSION_DEFAULTS]});`).join('\n        ')}
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER missions_defaults_from_settings BEFORE INSERT ON missions
      FOR EACH ROW EXECUTE FUNCTION missions_defaults_from_settings();

    -- Likewise a new batch's time zone.
    ALTER TABLE batches ALTER COLUMN timezone DROP DEFAULT;
    CREATE FUNCTION batches_timezone_from_settings() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.timezone IS NULL THEN
        NEW.timezone := coalesce((SELECT default_timezone FROM settings WHERE id = 1), 'Asia/Dhaka');
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER batches_timezone_from_settings BEFORE INSERT ON batches
      FOR EACH ROW EXECUTE FUNCTION batches_timezone_from_settings();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER batches_timezone_from_settings ON batches;
    DROP FUNCTION batches_timezone_from_settings();
    ALTER TABLE batches ALTER COLUMN timezone SET DEFAULT 'Asia/Dhaka';
    DROP TRIGGER missions_defaults_from_settings ON missions;
    DROP FUNCTION missions_defaults_from_settings();
    ALTER TABLE missions ${MISSION_COLUMNS.map((column) => `ALTER COLUMN ${column} SET DEFAULT ${MISSION_DEFAULTS[column as keyof typeof MISSION_DEFAULTS]}`).join(', ')};
    DROP TABLE settings;
    DROP FUNCTION settings_keep_row();
  `);
}
