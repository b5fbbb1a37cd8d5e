-- Full-text search over postmortems and action items (issue 4), SQLite: FTS5.
-- The index keeps itself current through triggers on the tables the postmortem and action-item
-- features write, so their code never has to call the search. Each search row's rowid is the id of
-- its postmortem or item. Deleted rows (deleted_at set) stay indexed; the search leaves them out.
-- Tokenizer: unicode61 without diacritics (cafe finds café), porter stemming (timeouts finds timeout),
-- the same stemming PostgreSQL's 'english' configuration does.

-- One postmortem's searchable text: its title, its sections' bodies, its timeline, its tags.
-- Section titles are left out: every postmortem has the same ones ("Impact", "Trigger").
CREATE VIEW postmortem_search_source AS
SELECT p.id,
       p.title,
       COALESCE((SELECT group_concat(body, char(10) || char(10))
                 FROM (SELECT body FROM postmortem_sections WHERE postmortem_id = p.id ORDER BY position)), '')
       || char(10) || char(10) ||
       COALESCE((SELECT group_concat(line, char(10))
                 FROM (SELECT title || ': ' || detail || COALESCE(' (' || annotation || ')', '') AS line
                       FROM postmortem_timeline WHERE postmortem_id = p.id AND hidden = 0 ORDER BY at, id)), '')
           AS body,
       COALESCE((SELECT group_concat(tag, ' ')
                 FROM (SELECT tag FROM postmortem_tags WHERE postmortem_id = p.id ORDER BY tag)), '') AS tags
FROM postmortems p;

CREATE VIRTUAL TABLE postmortem_search USING fts5(
    title, body, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE action_item_search USING fts5(
    title, description,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Postmortems: a new one, a new title, a hidden or shown timeline event, a section, a tag.
CREATE TRIGGER postmortem_search_after_insert AFTER INSERT ON postmortems BEGIN
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER postmortem_search_after_title AFTER UPDATE OF title ON postmortems BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER postmortem_search_after_delete AFTER DELETE ON postmortems BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER postmortem_search_after_section_insert AFTER INSERT ON postmortem_sections BEGIN
    DELETE FROM postmortem_search WHERE rowid = NEW.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_section_update AFTER UPDATE ON postmortem_sections BEGIN
    DELETE FROM postmortem_search WHERE rowid IN (OLD.postmortem_id, NEW.postmortem_id);
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id IN (OLD.postmortem_id, NEW.postmortem_id);
END;

CREATE TRIGGER postmortem_search_after_section_delete AFTER DELETE ON postmortem_sections BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = OLD.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_timeline_insert AFTER INSERT ON postmortem_timeline BEGIN
    DELETE FROM postmortem_search WHERE rowid = NEW.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_timeline_update AFTER UPDATE ON postmortem_timeline BEGIN
    DELETE FROM postmortem_search WHERE rowid IN (OLD.postmortem_id, NEW.postmortem_id);
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id IN (OLD.postmortem_id, NEW.postmortem_id);
END;

CREATE TRIGGER postmortem_search_after_timeline_delete AFTER DELETE ON postmortem_timeline BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = OLD.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_tag_insert AFTER INSERT ON postmortem_tags BEGIN
    DELETE FROM postmortem_search WHERE rowid = NEW.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_tag_update AFTER UPDATE ON postmortem_tags BEGIN
    DELETE FROM postmortem_search WHERE rowid IN (OLD.postmortem_id, NEW.postmortem_id);
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id IN (OLD.postmortem_id, NEW.postmortem_id);
END;

CREATE TRIGGER postmortem_search_after_tag_delete AFTER DELETE ON postmortem_tags BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = OLD.postmortem_id;
END;

-- Action items: their title and description.
CREATE TRIGGER action_item_search_after_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO action_item_search (rowid, title, description) VALUES (NEW.id, NEW.title, NEW.description);
END;

CREATE TRIGGER action_item_search_after_update AFTER UPDATE OF title, description ON action_items BEGIN
    DELETE FROM action_item_search WHERE rowid = OLD.id;
    INSERT INTO action_item_search (rowid, title, description) VALUES (NEW.id, NEW.title, NEW.description);
END;

CREATE TRIGGER action_item_search_after_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM action_item_search WHERE rowid = OLD.id;
END;

-- What was written before this migration.
INSERT INTO postmortem_search (rowid, title, body, tags) SELECT id, title, body, tags FROM postmortem_search_source;
INSERT INTO action_item_search (rowid, title, description) SELECT id, title, description FROM action_items;
