import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- One authenticator per user. The secret is encrypted by the API (AES-256-GCM, TOTP_ENCRYPTION_KEY) and never
    -- returned once enrolment is confirmed. last_used_step refuses a code seen before (RFC 6238 §5.2).
    CREATE TABLE user_totp (
      user_id bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      secret_encrypted text NOT NULL,
      enabled_at timestamptz,
      last_used_step bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER user_totp_touch_updated_at BEFORE UPDATE ON user_totp FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    -- Single-use recovery codes, stored as SHA-256 of 60 random bits each (too many to guess offline).
    CREATE TABLE user_recovery_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      code_hash bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      CONSTRAINT user_recovery_codes_unique UNIQUE (user_id, code_hash)
    );

    -- "Remember this device": a random token in a cookie, stored hashed; 30 days at most, revocable.
    CREATE TABLE trusted_devices (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_used_at timestamptz,
      ip text,
      user_agent text,
      CONSTRAINT trusted_devices_at_most_30_days CHECK (expires_at > created_at AND expires_at <= created_at + interval '30 days')
    );
    CREATE INDEX trusted_devices_user_id_idx ON trusted_devices (user_id);

    -- An OpenID Connect sign-in under way: the browser holds a cookie naming the row (so the answer is bound to the
    -- browser that asked), the row holds the state, nonce and PKCE verifier. Rows live ten minutes and are used once.
    CREATE TABLE oidc_sign_ins (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      flow_hash bytea NOT NULL UNIQUE,
      state text NOT NULL,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      CONSTRAINT oidc_sign_ins_expiry_after_creation CHECK (expires_at > created_at)
    );
    CREATE INDEX oidc_sign_ins_expires_at_idx ON oidc_sign_ins (expires_at);

    -- two_factor_pending: the password (or SSO) is proven but the second factor is not yet: such a session opens only
    -- the two-factor routes. second_factor: what proved it. method: how the first factor was given.
    ALTER TABLE sessions
      ADD COLUMN two_factor_pending boolean NOT NULL DEFAULT false,
      ADD COLUMN second_factor text CONSTRAINT sessions_second_factor_valid CHECK (second_factor IN ('totp', 'recovery_code', 'trusted_device', 'idp_mfa')),
      ADD COLUMN method text NOT NULL DEFAULT 'password' CONSTRAINT sessions_method_valid CHECK (method IN ('password', 'oidc'));

    -- A sign-in that re-hashes the same password at today's cost says so (SET LOCAL sms.password_rehash = 'on'):
    -- that is not a password change, so it must not sign the user out everywhere. A real change also forgets
    -- the remembered devices.
    -- Admins and developers must use two-factor sign-in from now on: their sessions from before end here.
    DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE role IN ('admin', 'developer'));

    CREATE OR REPLACE FUNCTION users_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      password_changed boolean := NEW.password_hash IS DISTINCT FROM OLD.password_hash
        AND coalesce(current_setting('sms.password_rehash', true), '') <> 'on';
    BEGIN
      IF NEW.status <> 'active' OR password_changed OR NEW.role <> OLD.role THEN
        DELETE FROM sessions WHERE user_id = NEW.id;
      END IF;
      IF password_changed THEN
        DELETE FROM trusted_devices WHERE user_id = NEW.id;
      END IF;
      RETURN NEW;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION users_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status <> 'active' OR NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.role <> OLD.role THEN
        DELETE FROM sessions WHERE user_id = NEW.id;
      END IF;
      RETURN NEW;
    END $$;
    ALTER TABLE sessions DROP COLUMN two_factor_pending, DROP COLUMN second_factor, DROP COLUMN method;
    DROP TABLE oidc_sign_ins;
    DROP TABLE trusted_devices;
    DROP TABLE user_recovery_codes;
    DROP TABLE user_totp;
  `);
}
