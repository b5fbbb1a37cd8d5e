-- Several locations (issue 11): probe agents run probes elsewhere and post their results back. Every check
-- result says where it was taken; each (probe, location) has a state machine of its own, and a probe's outage
-- follows a quorum of its locations. Times are epoch milliseconds (UTC); flags are INTEGER 0/1.

-- 'server' is Vigil itself: every row written before agents existed, and every check the server runs.
ALTER TABLE check_results ADD COLUMN location TEXT NOT NULL DEFAULT 'server';
-- An agent that sends a result twice (a batch replayed after a lost answer, or resent after a restart) has it
-- recorded once. The server's own rows are left out: its engine writes each check once by construction.
CREATE UNIQUE INDEX check_results_once_per_location ON check_results (probe_id, location, scheduled_at)
    WHERE location <> 'server';

-- A token for one probe agent, bound to one location. Only its SHA-256 is stored.
CREATE TABLE agent_tokens (
    id           ${auto_id},
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    location     TEXT NOT NULL,
    created_by   BIGINT REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT,                  -- the agent's last request, written at most every few seconds
    revoked_at   BIGINT
);
CREATE INDEX agent_tokens_by_location ON agent_tokens (location);

-- The state machine of one probe at one location, as the probes table holds the probe's own. A probe at the
-- server alone keeps using the probes table only; these rows exist for probes with several locations.
CREATE TABLE probe_locations (
    probe_id        TEXT NOT NULL REFERENCES probes (id),
    location        TEXT NOT NULL,
    status          TEXT NOT NULL,        -- UP, DEGRADED, DOWN: confirmed at this location
    status_since    BIGINT,               -- the first check of the run that confirmed the status
    fail_streak     INTEGER NOT NULL,
    fail_started_at BIGINT,
    fail_reason     TEXT,
    ok_streak       INTEGER NOT NULL,
    ok_started_at   BIGINT,
    slow_streak     INTEGER NOT NULL,
    slow_started_at BIGINT,
    fast_streak     INTEGER NOT NULL,
    fast_started_at BIGINT,
    last_checked_at BIGINT,               -- the start of the last result applied
    last_reason     TEXT,
    PRIMARY KEY (probe_id, location)
);

CREATE TABLE probe_location_changes (
    id          ${auto_id},
    probe_id    TEXT NOT NULL REFERENCES probes (id),
    location    TEXT NOT NULL,
    at          BIGINT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX probe_location_changes_by_probe ON probe_location_changes (probe_id, location, at);

-- The canary: a check of Vigil's own connectivity at each location. While it fails at a location, that
-- location's results are inconclusive. One row per flip; the latest row of a location is its state.
CREATE TABLE canary_changes (
    id       ${auto_id},
    location TEXT NOT NULL,
    at       BIGINT NOT NULL,             -- the first check of the new state
    failing  INTEGER NOT NULL,
    reason   TEXT NOT NULL
);
CREATE INDEX canary_changes_by_location ON canary_changes (location, at);

CREATE TABLE canary_checks (
    location        TEXT PRIMARY KEY,
    last_checked_at BIGINT NOT NULL
);

-- Results an agent had to drop while it could not reach Vigil (its buffer was full): no data for that time.
CREATE TABLE agent_gaps (
    id          ${auto_id},
    location    TEXT NOT NULL,
    dropped     INTEGER NOT NULL,
    from_at     BIGINT NOT NULL,
    until_at    BIGINT NOT NULL,
    reported_at BIGINT NOT NULL,
    UNIQUE (location, from_at)
);
