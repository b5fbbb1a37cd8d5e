-- Scheduled maintenance (issue 3). Portable between SQLite and PostgreSQL like V1: times are
-- epoch milliseconds (BIGINT, UTC); ${auto_id} is the dialect's generated key.
--
-- One row per window. A recurring window is a series: the window staff created carries the
-- RRULE, and every occurrence (that first window included) points to it by series_id. The job
-- adds the next occurrences as rows ahead of time; the unique index makes adding one twice
-- impossible, so the job may run again after a crash or restart without doubling any.

CREATE TABLE maintenances (
    id                    ${auto_id},
    series_id             BIGINT REFERENCES maintenances (id),  -- the window with the rule; null for a one-off
    name                  TEXT NOT NULL,
    description           TEXT NOT NULL,     -- Markdown
    scheduled_for         BIGINT NOT NULL,
    scheduled_until       BIGINT NOT NULL,
    rrule                 TEXT,              -- RFC 5545 rule, on the first window of a series only
    recurrence_stopped_at BIGINT,            -- on the first window: no further occurrences are added
    status                TEXT NOT NULL,     -- scheduled, in_progress, verifying, completed: cache of the latest update
    cancelled_at          BIGINT,            -- staff ended it early or before it began; status is then completed
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);
CREATE UNIQUE INDEX maintenances_one_per_occurrence ON maintenances (series_id, scheduled_for);
CREATE INDEX maintenances_by_status ON maintenances (status, scheduled_for);

CREATE TABLE maintenance_components (
    maintenance_id BIGINT NOT NULL REFERENCES maintenances (id),
    component_id   TEXT NOT NULL REFERENCES components (id),
    PRIMARY KEY (maintenance_id, component_id)
);
CREATE INDEX maintenance_components_by_component ON maintenance_components (component_id);

-- The status history of a window: one row per status it entered, dated when it took effect.
CREATE TABLE maintenance_updates (
    id             ${auto_id},
    maintenance_id BIGINT NOT NULL REFERENCES maintenances (id),
    status         TEXT NOT NULL,
    body           TEXT NOT NULL,
    display_at     BIGINT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX maintenance_updates_by_maintenance ON maintenance_updates (maintenance_id, display_at);
