-- Components and probes made in the console (issue 3). A probe's state machine stays in probes;
-- what a console probe checks, and how, lives in probe_settings (a YAML probe's lives in vigil.yml).
-- Components already carry their source ('config' or 'console') since V1.

ALTER TABLE probes ADD COLUMN source TEXT NOT NULL DEFAULT 'config';   -- 'config' (vigil.yml) or 'console'

CREATE TABLE probe_settings (
    probe_id            TEXT PRIMARY KEY REFERENCES probes (id),
    url                 TEXT NOT NULL,
    interval_ms         BIGINT NOT NULL,
    timeout_ms          BIGINT NOT NULL,
    connect_timeout_ms  BIGINT NOT NULL,
    max_body_bytes      BIGINT NOT NULL,
    expect_status       INTEGER NOT NULL,
    body_contains       TEXT,
    max_latency_ms      BIGINT,           -- NULL: any latency within the timeout is fine
    failures_to_open    INTEGER NOT NULL,
    successes_to_close  INTEGER NOT NULL,
    updated_at          BIGINT NOT NULL
);
