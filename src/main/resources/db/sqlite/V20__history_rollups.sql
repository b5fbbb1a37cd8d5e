-- History (issue 11): check roll-ups per minute, hour and day with a latency histogram, and uptime roll-ups.
-- SQLite: check_rollups is rebuilt WITHOUT ROWID, so its key is stored once (a year of roll-ups of 100 probes
-- is millions of rows). PostgreSQL adds the same columns in place (db/postgresql/V20).
CREATE TABLE check_rollups_v20 (
    probe_id          TEXT NOT NULL REFERENCES probes (id),
    period            TEXT NOT NULL,    -- 'minute', 'hour' or 'day' (hours and days of the site time zone)
    period_start      BIGINT NOT NULL,
    up_count          INTEGER NOT NULL,
    degraded_count    INTEGER NOT NULL,
    down_count        INTEGER NOT NULL,
    skipped_count     INTEGER NOT NULL DEFAULT 0,
    total_duration_ms BIGINT NOT NULL,
    max_duration_ms   INTEGER NOT NULL,
    -- How many answered checks (up or degraded) took how long: bucket k holds durations from 2^((k-1)/2) ms
    -- up to 2^(k/2) ms, bucket 0 those under 1 ms, bucket 29 those of 2^14 ms (16.4 s) and more.
    lat_00            INTEGER NOT NULL DEFAULT 0,
    lat_01            INTEGER NOT NULL DEFAULT 0,
    lat_02            INTEGER NOT NULL DEFAULT 0,
    lat_03            INTEGER NOT NULL DEFAULT 0,
    lat_04            INTEGER NOT NULL DEFAULT 0,
    lat_05            INTEGER NOT NULL DEFAULT 0,
    lat_06            INTEGER NOT NULL DEFAULT 0,
    lat_07            INTEGER NOT NULL DEFAULT 0,
    lat_08            INTEGER NOT NULL DEFAULT 0,
    lat_09            INTEGER NOT NULL DEFAULT 0,
    lat_10            INTEGER NOT NULL DEFAULT 0,
    lat_11            INTEGER NOT NULL DEFAULT 0,
    lat_12            INTEGER NOT NULL DEFAULT 0,
    lat_13            INTEGER NOT NULL DEFAULT 0,
    lat_14            INTEGER NOT NULL DEFAULT 0,
    lat_15            INTEGER NOT NULL DEFAULT 0,
    lat_16            INTEGER NOT NULL DEFAULT 0,
    lat_17            INTEGER NOT NULL DEFAULT 0,
    lat_18            INTEGER NOT NULL DEFAULT 0,
    lat_19            INTEGER NOT NULL DEFAULT 0,
    lat_20            INTEGER NOT NULL DEFAULT 0,
    lat_21            INTEGER NOT NULL DEFAULT 0,
    lat_22            INTEGER NOT NULL DEFAULT 0,
    lat_23            INTEGER NOT NULL DEFAULT 0,
    lat_24            INTEGER NOT NULL DEFAULT 0,
    lat_25            INTEGER NOT NULL DEFAULT 0,
    lat_26            INTEGER NOT NULL DEFAULT 0,
    lat_27            INTEGER NOT NULL DEFAULT 0,
    lat_28            INTEGER NOT NULL DEFAULT 0,
    lat_29            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (probe_id, period, period_start)
) WITHOUT ROWID;
INSERT INTO check_rollups_v20 (probe_id, period, period_start, up_count, degraded_count, down_count, skipped_count,
                               total_duration_ms, max_duration_ms)
SELECT probe_id, period, period_start, up_count, degraded_count, down_count, skipped_count,
       total_duration_ms, max_duration_ms FROM check_rollups;
DROP TABLE check_rollups;
ALTER TABLE check_rollups_v20 RENAME TO check_rollups;

-- Each component's uptime per hour and per day of the site's time zone, from its status history and the
-- time its probes really checked (a skipped check or a missing minute is no data). The jobs replace
-- these rows while the raw results behind them are kept; the bars of the status page read the day rows.
CREATE TABLE uptime_rollups (
    component_id  TEXT NOT NULL REFERENCES components (id),
    period        TEXT NOT NULL,    -- 'hour' or 'day'
    period_start  BIGINT NOT NULL,
    observed_ms   BIGINT NOT NULL,  -- time with data; zero never gets a row
    major_ms      BIGINT NOT NULL,
    partial_ms    BIGINT NOT NULL,
    degraded_ms   BIGINT NOT NULL,
    worst_severity INTEGER NOT NULL, -- the worst status seen while observed, as ComponentStatus.severity()
    PRIMARY KEY (period, period_start, component_id)
);

-- How far each roll-up has got: the last check result folded in (by id), the time uptime is computed to.
CREATE TABLE rollup_progress (
    name      TEXT PRIMARY KEY,
    position  BIGINT NOT NULL
);

-- The probe's interval: a check that ran vouches for its probe from when it was due until the next was due.
ALTER TABLE check_results ADD COLUMN interval_ms INTEGER;
