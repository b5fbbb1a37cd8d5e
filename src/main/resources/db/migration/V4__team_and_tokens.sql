-- The team and automation (issue 3, part 2): invitations, password reset links and API tokens.
-- Links and tokens are random; only their SHA-256 is stored, so a copy of the database cannot
-- be used to join, reset a password or call the API. Times are epoch milliseconds (UTC).

CREATE TABLE invitations (
    id          ${auto_id},
    token_hash  TEXT NOT NULL UNIQUE,
    email       TEXT NOT NULL,            -- stored lower-case
    role        TEXT NOT NULL,            -- admin, editor, viewer
    invited_by  BIGINT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    accepted_at BIGINT,                   -- set once: the link is spent
    user_id     BIGINT REFERENCES users (id)   -- the account the invitation became
);
CREATE INDEX invitations_by_email ON invitations (email);

CREATE TABLE password_resets (
    id         ${auto_id},
    token_hash TEXT NOT NULL UNIQUE,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT                     -- set once: the link is spent
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

CREATE TABLE api_tokens (
    id           ${auto_id},
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,           -- admin, editor, viewer
    created_by   BIGINT REFERENCES users (id),  -- null: created from VIGIL_BOOTSTRAP_TOKEN
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,                  -- updated at most once a minute
    revoked_at   BIGINT
);
