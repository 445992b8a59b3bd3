import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Links and files for a mission's students, added by its mentors and by managers.
    CREATE TABLE mission_resources (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      kind text NOT NULL,
      url text,
      file_key text,
      file_name text,
      file_size bigint,
      content_type text,
      position integer NOT NULL DEFAULT 0,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mission_resources_file_key_key UNIQUE (file_key),
      CONSTRAINT mission_resources_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT mission_resources_description_length CHECK (length(description) <= 2000),
      CONSTRAINT mission_resources_kind_valid CHECK (kind IN ('link', 'file')),
      CONSTRAINT mission_resources_url_http CHECK (url IS NULL OR url ~ '^https\\?://'),
      CONSTRAINT mission_resources_link_or_file CHECK (
        (kind = 'link' AND url IS NOT NULL AND file_key IS NULL)
        OR (kind = 'file' AND url IS NULL AND file_key IS NOT NULL AND file_name IS NOT NULL AND file_size > 0 AND content_type IS NOT NULL)),
      CONSTRAINT mission_resources_file_name_length CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255)
    );
    CREATE INDEX mission_resources_mission_idx ON mission_resources (mission_id, position, id);
    CREATE TRIGGER mission_resources_touch_updated_at BEFORE UPDATE ON mission_resources FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE mission_resources');
}
