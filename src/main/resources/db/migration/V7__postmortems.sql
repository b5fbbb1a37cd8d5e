-- Postmortems and their action items (issue 4). Same conventions as V1: times are epoch
-- milliseconds (BIGINT, UTC), dates without a time (due dates, reminder days) are ISO text
-- 'YYYY-MM-DD' in the site's time zone, flags are INTEGER 0/1, and every change is a row.

-- A write-up of one or more incidents. The times are copied from the recorded rows when it is
-- created (staff may correct them; the correction is a revision row); the figures are derived.
CREATE TABLE postmortems (
    id            ${auto_id},
    title         TEXT NOT NULL,
    severity      TEXT NOT NULL,          -- sev1 (worst) .. sev4
    status        TEXT NOT NULL,          -- draft, in_review, approved, published, complete
    owner_id      BIGINT REFERENCES users (id),
    started_at    BIGINT,                 -- first failed check (or the incident's start)
    detected_at   BIGINT,                 -- the outage's confirmation (or the incident's creation)
    ended_at      BIGINT,                 -- recovery (or the incident's resolution)
    -- The public version: the draft staff edit, and what was last published (as incident notices).
    public_draft        TEXT NOT NULL,
    public_body         TEXT,
    public_published_at BIGINT,
    public_published_by TEXT,
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL,          -- "user:12" or "token:3"
    updated_at    BIGINT NOT NULL,
    approved_at   BIGINT,
    completed_at  BIGINT,
    deleted_at    BIGINT,                 -- admins delete; the row and its history stay
    version       BIGINT NOT NULL         -- compare-and-set guard against lost edits
);
CREATE INDEX postmortems_by_status ON postmortems (status, created_at);

CREATE TABLE postmortem_incidents (
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    incident_id   BIGINT NOT NULL REFERENCES incidents (id),
    PRIMARY KEY (postmortem_id, incident_id)
);
CREATE INDEX postmortem_incidents_by_incident ON postmortem_incidents (incident_id);

CREATE TABLE postmortem_components (
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    component_id  TEXT NOT NULL REFERENCES components (id),
    PRIMARY KEY (postmortem_id, component_id)
);

-- The sections a new postmortem starts with. Admins edit this template; existing postmortems
-- keep the sections they were created with.
CREATE TABLE postmortem_template_sections (
    section_key TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    guidance    TEXT NOT NULL,            -- the hint shown above the editor, and the starting text
    updated_at  BIGINT NOT NULL
);
INSERT INTO postmortem_template_sections (section_key, position, title, guidance, updated_at) VALUES
 ('summary', 1, 'Summary', 'Two or three sentences: what broke, for whom, for how long, and what we are changing.', 0),
 ('impact', 2, 'Impact', 'Quantified: minutes of full and partial outage per component, users or accounts affected, support requests, data lost (if any).', 0),
 ('root_causes', 3, 'Root causes', 'The conditions that made this possible. Usually more than one; no names, no blame.', 0),
 ('trigger', 4, 'Trigger', 'The change or event that set it off.', 0),
 ('resolution', 5, 'Resolution', 'What restored service, and when.', 0),
 ('detection', 6, 'Detection', 'How we found out, how long that took, and how it could have been sooner.', 0),
 ('went_well', 7, 'What went well', '', 0),
 ('went_wrong', 8, 'What went wrong', '', 0),
 ('lucky', 9, 'Where we got lucky', '', 0),
 ('supporting', 10, 'Supporting information', 'Graphs, logs, links to tickets and chat threads.', 0);

CREATE TABLE postmortem_sections (
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    section_key   TEXT NOT NULL,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,          -- Markdown
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (postmortem_id, section_key)
);

-- Every edit: who, when, which field (title, severity, status, times, section:KEY, public_draft,
-- public_body, owner, timeline:ID, tags), and the text before and after.
CREATE TABLE postmortem_revisions (
    id            ${auto_id},
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    at            BIGINT NOT NULL,
    actor         TEXT NOT NULL,
    actor_name    TEXT NOT NULL,
    field         TEXT NOT NULL,
    before_text   TEXT,
    after_text    TEXT
);
CREATE INDEX postmortem_revisions_by_postmortem ON postmortem_revisions (postmortem_id, at);

-- The timeline: events built from the recorded rows (source_ref names the row, e.g. 'outage:7:start',
-- 'update:31') plus events staff add (source_ref NULL). Staff hide, pin and annotate any of them.
CREATE TABLE postmortem_timeline (
    id            ${auto_id},
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    at            BIGINT NOT NULL,
    kind          TEXT NOT NULL,          -- first_failure, confirmed, incident_opened, update, recovery, resolved, note
    source_ref    TEXT,
    title         TEXT NOT NULL,
    detail        TEXT NOT NULL,          -- the evidence (status code, error) or staff text
    hidden        INTEGER NOT NULL,
    pinned        INTEGER NOT NULL,
    annotation    TEXT,
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE UNIQUE INDEX postmortem_timeline_one_per_source ON postmortem_timeline (postmortem_id, source_ref);
CREATE INDEX postmortem_timeline_by_time ON postmortem_timeline (postmortem_id, at);

CREATE TABLE postmortem_reviewers (
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    requested_at  BIGINT NOT NULL,
    approved_at   BIGINT,
    PRIMARY KEY (postmortem_id, user_id)
);

CREATE TABLE postmortem_comments (
    id            ${auto_id},
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    section_key   TEXT,                   -- null: about the whole postmortem
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX postmortem_comments_by_postmortem ON postmortem_comments (postmortem_id, created_at);

CREATE TABLE postmortem_tags (
    postmortem_id BIGINT NOT NULL REFERENCES postmortems (id),
    tag           TEXT NOT NULL,          -- lower-case, [a-z0-9-], at most 40 characters
    PRIMARY KEY (postmortem_id, tag)
);
CREATE INDEX postmortem_tags_by_tag ON postmortem_tags (tag);

CREATE TABLE action_items (
    id             ${auto_id},
    postmortem_id  BIGINT NOT NULL REFERENCES postmortems (id),
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,         -- Markdown
    owner_id       BIGINT REFERENCES users (id),
    kind           TEXT NOT NULL,         -- prevent, detect, mitigate, repair, process
    priority       TEXT NOT NULL,         -- P1 .. P4
    due_on         TEXT NOT NULL,         -- 'YYYY-MM-DD', site time zone
    status         TEXT NOT NULL,         -- open, in_progress, blocked, done, wont_do
    wont_do_reason TEXT,
    tracker_url    TEXT,
    source         TEXT NOT NULL,         -- incident (raised during it) or review
    public         INTEGER NOT NULL,      -- shown as a commitment on the public postmortem
    created_at     BIGINT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     BIGINT NOT NULL,
    completed_at   BIGINT,                -- done or won't do
    deleted_at     BIGINT,
    version        BIGINT NOT NULL
);
CREATE INDEX action_items_by_postmortem ON action_items (postmortem_id);
CREATE INDEX action_items_by_owner ON action_items (owner_id, status, due_on);
CREATE INDEX action_items_by_due ON action_items (status, due_on);

-- Every change to an item (status, owner, due date, ...), as rows.
CREATE TABLE action_item_changes (
    id          ${auto_id},
    item_id     BIGINT NOT NULL REFERENCES action_items (id),
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    field       TEXT NOT NULL,
    before_text TEXT,
    after_text  TEXT
);
CREATE INDEX action_item_changes_by_item ON action_item_changes (item_id, at);

CREATE TABLE action_item_comments (
    id         ${auto_id},
    item_id    BIGINT NOT NULL REFERENCES action_items (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX action_item_comments_by_item ON action_item_comments (item_id, created_at);

-- The daily reminders. One row per recipient and day, written in the same transaction as the
-- queued message, so a restart on the same day finds it and sends nothing twice.
CREATE TABLE action_item_reminders (
    user_id  BIGINT NOT NULL REFERENCES users (id),
    day      TEXT NOT NULL,               -- 'YYYY-MM-DD', site time zone
    kind     TEXT NOT NULL,               -- digest (to the owner) or escalation (to the postmortem's owner)
    sent_at  BIGINT NOT NULL,
    item_ids TEXT NOT NULL,               -- the items it named, comma-separated, for the console
    PRIMARY KEY (user_id, day, kind)
);
CREATE TABLE action_item_summaries (
    day     TEXT PRIMARY KEY,             -- the staff-webhook summary, once a day
    sent_at BIGINT NOT NULL
);
