-- The incident part of the staff console (issue 3): merges, corrections kept as revisions,
-- saved update templates, and the customer-facing notice drafted from what Vigil recorded.

-- A merged incident keeps its row (its id is in old links, notifications and the audit log) and
-- points at the incident that absorbed it. The public page, the API and the console skip it.
ALTER TABLE incidents ADD COLUMN merged_into_id BIGINT REFERENCES incidents (id);
ALTER TABLE incidents ADD COLUMN merged_at BIGINT;

-- The text an update had before each correction: one appended row per correction.
CREATE TABLE incident_update_revisions (
    id          ${auto_id},
    update_id   BIGINT NOT NULL REFERENCES incident_updates (id),
    revised_at  BIGINT NOT NULL,
    actor       TEXT NOT NULL,          -- "user:12"
    actor_name  TEXT NOT NULL,          -- the name at the time, as people read it
    body_before TEXT NOT NULL
);
CREATE INDEX incident_update_revisions_by_update ON incident_update_revisions (update_id, revised_at);

-- Wording staff reuse for common updates ("We are investigating", "A fix is rolling out").
CREATE TABLE update_templates (
    id         ${auto_id},
    name       TEXT NOT NULL,
    status     TEXT NOT NULL,           -- investigating, identified, monitoring, resolved
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);

-- The customer-facing notice of an incident. The draft is what staff edit; body is what was
-- last published, so saving a draft never changes what customers read.
CREATE TABLE incident_notices (
    incident_id      BIGINT PRIMARY KEY REFERENCES incidents (id),
    draft            TEXT NOT NULL,
    draft_updated_at BIGINT NOT NULL,
    draft_updated_by TEXT NOT NULL,
    body             TEXT,
    published_at     BIGINT,
    published_by     TEXT
);
