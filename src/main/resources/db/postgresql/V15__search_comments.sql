-- Search also finds what people wrote in comments (review comments on a postmortem, progress notes on
-- an action item): "blocked on the vendor" is often the only place a word is written down.
-- The comments are appended to the body a postmortem or item is indexed with, so ranking, snippets
-- and the query code stay as V11 made them.

CREATE OR REPLACE VIEW postmortem_search_source AS
SELECT p.id,
       p.title,
       COALESCE((SELECT string_agg(s.body, E'\n\n' ORDER BY s.position)
                 FROM postmortem_sections s WHERE s.postmortem_id = p.id), '')
       || E'\n\n' ||
       COALESCE((SELECT string_agg(t.title || ': ' || t.detail || COALESCE(' (' || t.annotation || ')', ''), E'\n'
                                   ORDER BY t.at, t.id)
                 FROM postmortem_timeline t WHERE t.postmortem_id = p.id AND t.hidden = 0), '')
       || E'\n\n' ||
       COALESCE((SELECT string_agg(c.body, E'\n\n' ORDER BY c.created_at, c.id)
                 FROM postmortem_comments c WHERE c.postmortem_id = p.id), '') AS body,
       COALESCE((SELECT string_agg(g.tag, ' ' ORDER BY g.tag)
                 FROM postmortem_tags g WHERE g.postmortem_id = p.id), '') AS tags
FROM postmortems p;

CREATE TRIGGER postmortem_search_after_comment AFTER INSERT OR UPDATE OR DELETE ON postmortem_comments
    FOR EACH ROW EXECUTE FUNCTION postmortem_search_on_part();

CREATE VIEW action_item_search_source AS
SELECT i.id,
       i.title,
       i.description || COALESCE(E'\n\n' || (SELECT string_agg(c.body, E'\n\n' ORDER BY c.created_at, c.id)
                                             FROM action_item_comments c WHERE c.item_id = i.id), '') AS description
FROM action_items i;

CREATE FUNCTION refresh_action_item_search(target BIGINT) RETURNS void AS $$
BEGIN
    INSERT INTO action_item_search (item_id, title, description)
        SELECT id, title, description FROM action_item_search_source WHERE id = target
        ON CONFLICT (item_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description;
END
$$ LANGUAGE plpgsql;

-- Items: V11's function indexed the description alone; this one reads it with the comments.
CREATE OR REPLACE FUNCTION action_item_search_on_item() RETURNS trigger AS $$
BEGIN
    PERFORM refresh_action_item_search(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION action_item_search_on_comment() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refresh_action_item_search(OLD.item_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM refresh_action_item_search(NEW.item_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER action_item_search_after_comment AFTER INSERT OR UPDATE OR DELETE ON action_item_comments
    FOR EACH ROW EXECUTE FUNCTION action_item_search_on_comment();

-- The comments written before this migration.
SELECT refresh_postmortem_search(id) FROM postmortems WHERE EXISTS
    (SELECT 1 FROM postmortem_comments c WHERE c.postmortem_id = postmortems.id);
SELECT refresh_action_item_search(item_id) FROM action_item_comments GROUP BY item_id;
