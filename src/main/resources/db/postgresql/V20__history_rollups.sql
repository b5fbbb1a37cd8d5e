-- History (issue 11): check roll-ups per minute, hour and day with a latency histogram, and uptime roll-ups.
-- The same schema as db/sqlite/V20, which rebuilds check_rollups WITHOUT ROWID instead.
-- check_rollups.period may now also be 'minute'. How many answered checks (up or degraded) took how long:
-- bucket k holds durations from 2^((k-1)/2) ms up to 2^(k/2) ms, bucket 0 those under 1 ms, bucket 29 those
-- of 2^14 ms (16.4 s) and more.
ALTER TABLE check_rollups ADD COLUMN lat_00 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_01 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_02 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_03 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_04 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_05 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_06 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_07 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_08 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_09 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_10 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_11 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_12 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_13 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_14 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_16 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_17 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_18 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_19 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_20 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_21 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_22 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_23 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_24 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_25 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_26 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_27 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_28 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_rollups ADD COLUMN lat_29 INTEGER NOT NULL DEFAULT 0;

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
