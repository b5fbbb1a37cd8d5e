-- How bad things are, said honestly. Portable between SQLite and PostgreSQL; flags are INTEGER 0/1.

-- A component whose loss takes the whole service down with it (vigil.yml's essential: true). When it
-- is in a major outage, so is the service, however many other components still work.
ALTER TABLE components ADD COLUMN essential INTEGER NOT NULL DEFAULT 0;

-- How many failed checks in a row confirmed the outage (the probe's failures_to_open then), shown to
-- staff beside the first failure's reason. NULL for outages recorded before this migration.
ALTER TABLE outages ADD COLUMN confirming_checks INTEGER;

-- Every change of an incident's impact after it opened, by the automatic incidents or by staff, as
-- an appended row.
CREATE TABLE incident_impact_changes (
    id           ${auto_id},
    incident_id  BIGINT NOT NULL REFERENCES incidents (id),
    at           BIGINT NOT NULL,
    from_impact  TEXT NOT NULL,
    to_impact    TEXT NOT NULL,
    actor        TEXT NOT NULL,     -- 'probe' for the automatic incidents, else as the audit log names people
    actor_name   TEXT               -- the person's name at the time; NULL for 'probe'
);
CREATE INDEX incident_impact_changes_by_incident ON incident_impact_changes (incident_id, at);

-- When staff last corrected the impact (a cache of the latest staff row above). Once set, the
-- automatic updates leave the impact alone: the correction sticks.
ALTER TABLE incidents ADD COLUMN impact_corrected_at BIGINT;
