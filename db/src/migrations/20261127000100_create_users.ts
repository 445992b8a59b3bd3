import type { Knex } from 'knex';

export const ROLES = ['admin', 'developer', 'manager', 'sre', 'mentor', 'student'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw(`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL,
      status text NOT NULL DEFAULT 'active',
      password_hash text,
      password_changed_at timestamptz,
      email_verified_at timestamptz,
      phone text,
      avatar_url text,
      timezone text NOT NULL DEFAULT 'Asia/Dhaka',
      notification_prefs jsonb NOT NULL DEFAULT '{}'::jsonb,
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_email_key UNIQUE (email),
      CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email)) AND email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
      CONSTRAINT users_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      CONSTRAINT users_role_valid CHECK (role IN (${ROLES.map((r) => `'${r}'`).join(', ')})),
      CONSTRAINT users_status_valid CHECK (status IN ('active', 'disabled')),
      CONSTRAINT users_phone_length CHECK (phone IS NULL OR length(phone) <= 40),
      CONSTRAINT users_avatar_url_http CHECK (avatar_url IS NULL OR avatar_url ~ '^https\\?://'),
      CONSTRAINT users_timezone_valid CHECK (('2000-01-01 00:00+00'::timestamptz AT TIME ZONE timezone) IS NOT NULL),
      CONSTRAINT users_notification_prefs_object CHECK (jsonb_typeof(notification_prefs) = 'object')
    );
    CREATE INDEX users_role_idx ON users (role);
    CREATE INDEX users_status_idx ON users (status);
    CREATE INDEX users_created_at_idx ON users (created_at);
    CREATE INDEX users_name_trgm_idx ON users USING gin (name gin_trgm_ops);
    CREATE INDEX users_email_trgm_idx ON users USING gin (email gin_trgm_ops);

    -- Server-side sessions: revocation is a DELETE, effective on the very next request.
    CREATE TABLE sessions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      token_hash bytea NOT NULL UNIQUE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text,
      CONSTRAINT sessions_expiry_after_creation CHECK (expires_at > created_at)
    );
    CREATE INDEX sessions_user_id_idx ON sessions (user_id);
    CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

    -- Disabling an account or changing its password ends every session it has, whoever does it.
    CREATE FUNCTION users_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status <> 'active' OR NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.role <> OLD.role THEN
        DELETE FROM sessions WHERE user_id = NEW.id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER users_revoke_sessions AFTER UPDATE OF status, password_hash, role ON users
      FOR EACH ROW EXECUTE FUNCTION users_revoke_sessions();

    CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
    CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON users
      FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE user_tokens (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL,
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CONSTRAINT user_tokens_purpose_valid CHECK (purpose IN ('verify_email', 'reset_password', 'invite')),
      CONSTRAINT user_tokens_expiry_after_creation CHECK (expires_at > created_at)
    );
    CREATE INDEX user_tokens_user_purpose_idx ON user_tokens (user_id, purpose);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS user_tokens;
    DROP TABLE IF EXISTS sessions;
    DROP TABLE IF EXISTS users;
    DROP FUNCTION IF EXISTS users_revoke_sessions();
    DROP FUNCTION IF EXISTS touch_updated_at();
  `);
}
