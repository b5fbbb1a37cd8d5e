-- Staff accounts, their sessions, and the audit log (issue 3).

CREATE TABLE users (
    id            ${auto_id},
    email         TEXT NOT NULL UNIQUE,   -- stored lower-case
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,          -- admin, editor, viewer
    password_hash TEXT NOT NULL,          -- Argon2id, PHC string
    created_at    BIGINT NOT NULL,
    disabled_at   BIGINT
);

-- Sessions survive restarts. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    csrf_token   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins, for throttling per account and per address.
CREATE TABLE sign_in_failures (
    id      ${auto_id},
    email   TEXT NOT NULL,
    address TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);

CREATE TABLE audit_log (
    id          ${auto_id},
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,            -- "user:12", "token:3" or "system"
    action      TEXT NOT NULL,            -- e.g. "user.created", "session.signed_in"
    target_type TEXT,
    target_id   TEXT,
    detail      TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
