-- Search also finds what people wrote in comments (review comments on a postmortem, progress notes on
-- an action item): "blocked on the vendor" is often the only place a word is written down.
-- The comments are appended to the body a postmortem or item is indexed with, so ranking, snippets
-- and the query code stay as V11 made them.

DROP VIEW postmortem_search_source;
CREATE VIEW postmortem_search_source AS
SELECT p.id,
       p.title,
       COALESCE((SELECT group_concat(body, char(10) || char(10))
                 FROM (SELECT body FROM postmortem_sections WHERE postmortem_id = p.id ORDER BY position)), '')
       || char(10) || char(10) ||
       COALESCE((SELECT group_concat(line, char(10))
                 FROM (SELECT title || ': ' || detail || COALESCE(' (' || annotation || ')', '') AS line
                       FROM postmortem_timeline WHERE postmortem_id = p.id AND hidden = 0 ORDER BY at, id)), '')
       || char(10) || char(10) ||
       COALESCE((SELECT group_concat(body, char(10) || char(10))
                 FROM (SELECT body FROM postmortem_comments WHERE postmortem_id = p.id ORDER BY created_at, id)), '')
           AS body,
       COALESCE((SELECT group_concat(tag, ' ')
                 FROM (SELECT tag FROM postmortem_tags WHERE postmortem_id = p.id ORDER BY tag)), '') AS tags
FROM postmortems p;

CREATE VIEW action_item_search_source AS
SELECT i.id,
       i.title,
       i.description || COALESCE(char(10) || char(10) ||
           (SELECT group_concat(body, char(10) || char(10))
            FROM (SELECT body FROM action_item_comments WHERE item_id = i.id ORDER BY created_at, id)), '')
           AS description
FROM action_items i;

CREATE TRIGGER postmortem_search_after_comment_insert AFTER INSERT ON postmortem_comments BEGIN
    DELETE FROM postmortem_search WHERE rowid = NEW.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = NEW.postmortem_id;
END;

CREATE TRIGGER postmortem_search_after_comment_update AFTER UPDATE ON postmortem_comments BEGIN
    DELETE FROM postmortem_search WHERE rowid IN (OLD.postmortem_id, NEW.postmortem_id);
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id IN (OLD.postmortem_id, NEW.postmortem_id);
END;

CREATE TRIGGER postmortem_search_after_comment_delete AFTER DELETE ON postmortem_comments BEGIN
    DELETE FROM postmortem_search WHERE rowid = OLD.postmortem_id;
    INSERT INTO postmortem_search (rowid, title, body, tags)
        SELECT id, title, body, tags FROM postmortem_search_source WHERE id = OLD.postmortem_id;
END;

-- Items: V11's triggers indexed the description alone; these read it with the comments.
DROP TRIGGER action_item_search_after_insert;
DROP TRIGGER action_item_search_after_update;

CREATE TRIGGER action_item_search_after_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO action_item_search (rowid, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER action_item_search_after_update AFTER UPDATE OF title, description ON action_items BEGIN
    DELETE FROM action_item_search WHERE rowid = OLD.id;
    INSERT INTO action_item_search (rowid, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER action_item_search_after_comment_insert AFTER INSERT ON action_item_comments BEGIN
    DELETE FROM action_item_search WHERE rowid = NEW.item_id;
    INSERT INTO action_item_search (rowid, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id = NEW.item_id;
END;

CREATE TRIGGER action_item_search_after_comment_update AFTER UPDATE ON action_item_comments BEGIN
    DELETE FROM action_item_search WHERE rowid IN (OLD.item_id, NEW.item_id);
    INSERT INTO action_item_search (rowid, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id IN (OLD.item_id, NEW.item_id);
END;

CREATE TRIGGER action_item_search_after_comment_delete AFTER DELETE ON action_item_comments BEGIN
    DELETE FROM action_item_search WHERE rowid = OLD.item_id;
    INSERT INTO action_item_search (rowid, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id = OLD.item_id;
END;

-- The comments written before this migration.
DELETE FROM postmortem_search;
INSERT INTO postmortem_search (rowid, title, body, tags) SELECT id, title, body, tags FROM postmortem_search_source;
DELETE FROM action_item_search;
INSERT INTO action_item_search (rowid, title, description) SELECT id, title, description FROM action_item_search_source;
