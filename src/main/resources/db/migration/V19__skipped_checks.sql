-- A check that was due but did not run is kept as a row of check_results with outcome 'SKIPPED' (no data,
-- never up) and its reason; the roll-ups of old results keep how many there were.
ALTER TABLE check_rollups ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;
