-- Every publication of an incident's customer notice, appended on each (re)publish in the same
-- transaction as the publish (issue 3). incident_notices.body holds only the latest text; these
-- rows are the history the notifications job reads past its cursor to tell subscribers and staff.
CREATE TABLE notice_publications (
    id           ${auto_id},
    incident_id  BIGINT NOT NULL REFERENCES incidents (id),
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,             -- "user:12"
    body         TEXT NOT NULL              -- the text as published, Markdown
);
CREATE INDEX notice_publications_by_incident ON notice_publications (incident_id, id);
