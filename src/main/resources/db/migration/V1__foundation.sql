-- Vigil's foundation schema. Portable between SQLite and PostgreSQL:
-- times are epoch milliseconds (BIGINT, UTC); ${auto_id} is the dialect's generated key.
-- Every state change is an appended row; the status columns on components and probes are
-- caches of the latest row, written in the same transaction.

CREATE TABLE components (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    group_name  TEXT,
    description TEXT,
    position    INTEGER NOT NULL,
    status      TEXT NOT NULL,
    source      TEXT NOT NULL,          -- 'config' (the YAML is its truth) or 'console'
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    retired_at  BIGINT                  -- set when it left the configuration; its history stays
);

CREATE TABLE component_status_changes (
    id           ${auto_id},
    component_id TEXT NOT NULL REFERENCES components (id),
    at           BIGINT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    reason       TEXT NOT NULL
);
CREATE INDEX component_status_changes_by_component ON component_status_changes (component_id, at);

-- The probe's state machine lives here, counters included, so that a restart resumes it.
CREATE TABLE probes (
    id                TEXT PRIMARY KEY,
    component_id      TEXT NOT NULL REFERENCES components (id),
    target            TEXT NOT NULL,
    status            TEXT NOT NULL,    -- UP, DEGRADED, DOWN
    fail_streak       INTEGER NOT NULL,
    fail_started_at   BIGINT,
    fail_reason       TEXT,
    ok_streak         INTEGER NOT NULL,
    ok_started_at     BIGINT,
    slow_streak       INTEGER NOT NULL,
    slow_started_at   BIGINT,
    fast_streak       INTEGER NOT NULL,
    fast_started_at   BIGINT,
    last_checked_at   BIGINT,
    version           BIGINT NOT NULL,  -- compare-and-set guard
    retired_at        BIGINT            -- set when the probe left the configuration
);

CREATE TABLE probe_status_changes (
    id          ${auto_id},
    probe_id    TEXT NOT NULL REFERENCES probes (id),
    at          BIGINT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX probe_status_changes_by_probe ON probe_status_changes (probe_id, at);

CREATE TABLE check_results (
    id            ${auto_id},
    probe_id      TEXT NOT NULL REFERENCES probes (id),
    scheduled_at  BIGINT NOT NULL,
    started_at    BIGINT NOT NULL,
    duration_ms   INTEGER NOT NULL,
    ttfb_ms       INTEGER,
    outcome       TEXT NOT NULL,
    reason        TEXT NOT NULL,
    status_code   INTEGER
);
CREATE INDEX check_results_by_probe ON check_results (probe_id, started_at);
CREATE INDEX check_results_by_time ON check_results (started_at);

-- Raw results older than the retention period, summed per hour and per day.
CREATE TABLE check_rollups (
    probe_id          TEXT NOT NULL REFERENCES probes (id),
    period            TEXT NOT NULL,    -- 'hour' or 'day' (site time zone midnight)
    period_start      BIGINT NOT NULL,
    up_count          INTEGER NOT NULL,
    degraded_count    INTEGER NOT NULL,
    down_count        INTEGER NOT NULL,
    total_duration_ms BIGINT NOT NULL,
    max_duration_ms   INTEGER NOT NULL,
    PRIMARY KEY (probe_id, period, period_start)
);

CREATE TABLE incidents (
    id                 ${auto_id},
    name               TEXT NOT NULL,
    status             TEXT NOT NULL,   -- investigating, identified, monitoring, resolved, postmortem
    impact             TEXT NOT NULL,   -- none, minor, major, critical
    started_at         BIGINT NOT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    monitoring_at      BIGINT,
    resolved_at        BIGINT,
    -- Set while the incident was opened by outages of this component and is not resolved:
    -- the unique index below makes a second automatic incident for it impossible.
    auto_component_id  TEXT REFERENCES components (id),
    source             TEXT NOT NULL    -- 'probe' (opened by an outage) or 'staff'
);
CREATE UNIQUE INDEX incidents_one_open_auto ON incidents (auto_component_id) WHERE auto_component_id IS NOT NULL;
CREATE INDEX incidents_by_start ON incidents (started_at);

CREATE TABLE incident_components (
    incident_id  BIGINT NOT NULL REFERENCES incidents (id),
    component_id TEXT NOT NULL REFERENCES components (id),
    PRIMARY KEY (incident_id, component_id)
);

CREATE TABLE incident_updates (
    id          ${auto_id},
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    status      TEXT NOT NULL,
    body        TEXT NOT NULL,
    display_at  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX incident_updates_by_incident ON incident_updates (incident_id, display_at);

CREATE TABLE incident_update_components (
    update_id    BIGINT NOT NULL REFERENCES incident_updates (id),
    component_id TEXT NOT NULL REFERENCES components (id),
    old_status   TEXT NOT NULL,
    new_status   TEXT NOT NULL,
    PRIMARY KEY (update_id, component_id)
);

-- An outage of one probe: dated from its first failing check, confirmed when the threshold was met.
CREATE TABLE outages (
    id                     ${auto_id},
    probe_id               TEXT NOT NULL REFERENCES probes (id),
    component_id           TEXT NOT NULL REFERENCES components (id),
    started_at             BIGINT NOT NULL,
    confirmed_at           BIGINT NOT NULL,
    first_failure_reason   TEXT NOT NULL,
    ended_at               BIGINT,
    recovery_confirmed_at  BIGINT,
    incident_id            BIGINT REFERENCES incidents (id)
);
CREATE UNIQUE INDEX outages_one_open_per_probe ON outages (probe_id) WHERE ended_at IS NULL;
CREATE INDEX outages_by_component ON outages (component_id, started_at);

-- When Vigil itself was running. Time outside these intervals is "no data", never downtime.
CREATE TABLE monitor_sessions (
    id            ${auto_id},
    started_at    BIGINT NOT NULL,
    last_alive_at BIGINT NOT NULL,
    stopped_at    BIGINT
);
