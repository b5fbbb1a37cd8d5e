-- Staff choose what each alert hook hears: a channel for incidents need not also hear every
-- component flip or the daily action-item summary. A comma-separated list of event keys
-- (incident_update, component_update, notice_published, action_item_summary); NULL, as on every
-- hook made before this migration, means all of them.
ALTER TABLE staff_hooks ADD COLUMN events TEXT;
