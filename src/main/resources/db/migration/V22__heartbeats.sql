-- Heartbeat probes (issue 11): a cron job or worker calls its ping URL; Vigil connects to nothing.
-- Times are epoch milliseconds (UTC).

-- One row per heartbeat probe. The token's SHA-256 always; the token itself only when Vigil generated it, so that
-- admins can be shown the ping URL in the console. A token from vigil.yml is never stored.
-- last_success_at and last_fail_at are caches of the latest rows of heartbeat_pings, written in the same
-- transaction, so that old pings can be removed without losing where a heartbeat stands.
CREATE TABLE heartbeats (
    probe_id         TEXT PRIMARY KEY REFERENCES probes (id),
    token_hash       TEXT NOT NULL,
    generated_token  TEXT,
    watched_since    BIGINT NOT NULL,   -- the deadline of a job that never pinged counts from here
    last_success_at  BIGINT,
    last_fail_at     BIGINT,
    updated_at       BIGINT NOT NULL
);

-- Every ping, written before the job is answered: a ping acknowledged is never lost.
CREATE TABLE heartbeat_pings (
    id           ${auto_id},
    probe_id     TEXT NOT NULL REFERENCES probes (id),
    kind         TEXT NOT NULL,         -- start, success, fail
    received_at  BIGINT NOT NULL,
    duration_ms  BIGINT,                -- a success or fail right after a start: how long the run took
    source       TEXT,                  -- the caller's address as Vigil saw it
    user_agent   TEXT                   -- cut to 200 characters
);
CREATE INDEX heartbeat_pings_by_probe ON heartbeat_pings (probe_id, received_at);
CREATE INDEX heartbeat_pings_by_time ON heartbeat_pings (received_at);
