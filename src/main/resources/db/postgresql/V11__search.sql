-- Full-text search over postmortems and action items (issue 4), PostgreSQL: tsvector + GIN.
-- The index keeps itself current through triggers on the tables the postmortem and action-item
-- features write, so their code never has to call the search. Deleted rows (deleted_at set) stay
-- indexed; the search leaves them out.
-- Configuration 'english': stemming (timeouts finds timeout) as SQLite's porter tokenizer does, so
-- both stores answer alike, and postmortems are written in English. Tags use it too, so that a word
-- typed in the box finds the tag stemmed the same way. The text is kept beside its vector because
-- ts_headline needs it for snippets.

-- One postmortem's searchable text: its title, its sections' bodies, its timeline, its tags.
-- Section titles are left out: every postmortem has the same ones ("Impact", "Trigger").
CREATE VIEW postmortem_search_source AS
SELECT p.id,
       p.title,
       COALESCE((SELECT string_agg(s.body, E'\n\n' ORDER BY s.position)
                 FROM postmortem_sections s WHERE s.postmortem_id = p.id), '')
       || E'\n\n' ||
       COALESCE((SELECT string_agg(t.title || ': ' || t.detail || COALESCE(' (' || t.annotation || ')', ''), E'\n'
                                   ORDER BY t.at, t.id)
                 FROM postmortem_timeline t WHERE t.postmortem_id = p.id AND t.hidden = 0), '') AS body,
       COALESCE((SELECT string_agg(g.tag, ' ' ORDER BY g.tag)
                 FROM postmortem_tags g WHERE g.postmortem_id = p.id), '') AS tags
FROM postmortems p;

CREATE TABLE postmortem_search (
    postmortem_id BIGINT PRIMARY KEY REFERENCES postmortems (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    tags          TEXT NOT NULL,
    document      tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A')
                      || setweight(to_tsvector('english', tags), 'A')
                      || setweight(to_tsvector('english', body), 'B')) STORED
);
CREATE INDEX postmortem_search_document ON postmortem_search USING GIN (document);

CREATE TABLE action_item_search (
    item_id     BIGINT PRIMARY KEY REFERENCES action_items (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    document    tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A')
                    || setweight(to_tsvector('english', description), 'B')) STORED
);
CREATE INDEX action_item_search_document ON action_item_search USING GIN (document);

CREATE FUNCTION refresh_postmortem_search(target BIGINT) RETURNS void AS $$
BEGIN
    DELETE FROM postmortem_search WHERE postmortem_id = target;
    INSERT INTO postmortem_search (postmortem_id, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = target;
END
$$ LANGUAGE plpgsql;

-- Postmortems: a new one or a new title.
CREATE FUNCTION postmortem_search_on_postmortem() RETURNS trigger AS $$
BEGIN
    PERFORM refresh_postmortem_search(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER postmortem_search_after_write AFTER INSERT OR UPDATE OF title ON postmortems
    FOR EACH ROW EXECUTE FUNCTION postmortem_search_on_postmortem();

-- A section, timeline event or tag: each has the postmortem_id it belongs to.
CREATE FUNCTION postmortem_search_on_part() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refresh_postmortem_search(OLD.postmortem_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM refresh_postmortem_search(NEW.postmortem_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER postmortem_search_after_section AFTER INSERT OR UPDATE OR DELETE ON postmortem_sections
    FOR EACH ROW EXECUTE FUNCTION postmortem_search_on_part();
CREATE TRIGGER postmortem_search_after_timeline AFTER INSERT OR UPDATE OR DELETE ON postmortem_timeline
    FOR EACH ROW EXECUTE FUNCTION postmortem_search_on_part();
CREATE TRIGGER postmortem_search_after_tag AFTER INSERT OR UPDATE OR DELETE ON postmortem_tags
    FOR EACH ROW EXECUTE FUNCTION postmortem_search_on_part();

-- Action items: their title and description.
CREATE FUNCTION action_item_search_on_item() RETURNS trigger AS $$
BEGIN
    INSERT INTO action_item_search (item_id, title, description) VALUES (NEW.id, NEW.title, NEW.description)
        ON CONFLICT (item_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER action_item_search_after_write AFTER INSERT OR UPDATE OF title, description ON action_items
    FOR EACH ROW EXECUTE FUNCTION action_item_search_on_item();

-- What was written before this migration.
INSERT INTO postmortem_search (postmortem_id, title, body, tags) SELECT id, title, body, tags FROM postmortem_search_source;
INSERT INTO action_item_search (item_id, title, description) SELECT id, title, description FROM action_items;
