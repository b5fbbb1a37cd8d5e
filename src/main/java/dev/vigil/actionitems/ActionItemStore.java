package dev.vigil.actionitems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * All SQL of action items, their history rows and comments. Callers own the transaction. Deleted
 * items (deleted_at set) and the items of deleted postmortems are never read back.
 */
public final class ActionItemStore {
    private static final String SELECT = """
            SELECT ai.*, pm.title AS pm_title, pm.severity AS pm_severity, u.name AS owner_name
            FROM action_items ai
            JOIN postmortems pm ON pm.id = ai.postmortem_id
            LEFT JOIN users u ON u.id = ai.owner_id
            WHERE ai.deleted_at IS NULL AND pm.deleted_at IS NULL""";

    /** Someone who can own an item. */
    public record Owner(long id, String name) {}

    public Optional<PostmortemRef> postmortem(Handle handle, long id) {
        return handle.createQuery("SELECT id, title, severity, status FROM postmortems WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id)
                .map((rs, ctx) -> new PostmortemRef(rs.getLong("id"), rs.getString("title"), rs.getString("severity"),
                        rs.getString("status")))
                .findOne();
    }

    /** Users who can sign in, by name. */
    public List<Owner> activeUsers(Handle handle) {
        return handle.createQuery("SELECT id, name FROM users WHERE disabled_at IS NULL ORDER BY name, id")
                .map((rs, ctx) -> new Owner(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** Inserts an open item at version 1; returns its id. */
    public long insert(Handle handle, long postmortemId, ItemFields fields, String createdBy, Instant now) {
        return handle.createQuery("""
                INSERT INTO action_items (postmortem_id, title, description, owner_id, kind, priority, due_on, status,
                    tracker_url, source, public, created_at, created_by, updated_at, version)
                VALUES (:postmortem, :title, :description, :owner, :kind, :priority, :due, :status,
                    :tracker, :source, :public, :now, :by, :now, 1) RETURNING id""")
                .bind("postmortem", postmortemId).bind("title", fields.title()).bind("description", fields.description())
                .bind("owner", fields.ownerId()).bind("kind", fields.kind().key())
                .bind("priority", fields.priority().key()).bind("due", fields.dueOn().toString())
                .bind("status", ItemStatus.OPEN.key()).bind("tracker", fields.trackerUrl())
                .bind("source", fields.source().key()).bind("public", fields.isPublic() ? 1 : 0)
                .bind("now", now.toEpochMilli()).bind("by", createdBy)
                .mapTo(Long.class).one();
    }

    public Optional<ActionItem> find(Handle handle, long id) {
        return handle.createQuery(SELECT + " AND ai.id = :id").bind("id", id).map((rs, ctx) -> item(rs)).findOne();
    }

    /** A postmortem's items, soonest due first. */
    public List<ActionItem> ofPostmortem(Handle handle, long postmortemId) {
        return handle.createQuery(SELECT + " AND ai.postmortem_id = :postmortem ORDER BY ai.due_on, ai.id")
                .bind("postmortem", postmortemId).map((rs, ctx) -> item(rs)).list();
    }

    /**
     * Items across all postmortems that pass the filters: overdue ones first, then by due date.
     *
     * @param today in the site's time zone, for the overdue filter and order
     */
    public List<ActionItem> matching(Handle handle, ItemFilters filters, LocalDate today, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (filters.ownerId() != null) {
            sql.append(" AND ai.owner_id = :owner");
        }
        if (filters.status() != null) {
            sql.append(" AND ai.status = :status");
        }
        if (filters.priority() != null) {
            sql.append(" AND ai.priority = :priority");
        }
        if (filters.componentId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM postmortem_components pc WHERE pc.postmortem_id = ai.postmortem_id"
                    + " AND pc.component_id = :component)");
        }
        if (filters.unfinished() || filters.overdue()) {
            sql.append(" AND ai.status NOT IN ('done', 'wont_do')");
        }
        if (filters.overdue()) {
            sql.append(" AND ai.due_on < :today");
        }
        sql.append(" ORDER BY CASE WHEN ai.status NOT IN ('done', 'wont_do') AND ai.due_on < :today THEN 0 ELSE 1 END,"
                + " ai.due_on, ai.id LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("today", today.toString()).bind("limit", limit);
        if (filters.ownerId() != null) {
            query.bind("owner", filters.ownerId());
        }
        if (filters.status() != null) {
            query.bind("status", filters.status().key());
        }
        if (filters.priority() != null) {
            query.bind("priority", filters.priority().key());
        }
        if (filters.componentId() != null) {
            query.bind("component", filters.componentId());
        }
        return query.map((rs, ctx) -> item(rs)).list();
    }

    /**
     * Writes the item's fields if it is still at expectedVersion, and moves it to the next version.
     *
     * @return false when someone else changed (or deleted) it first
     */
    public boolean update(Handle handle, ActionItem item, long expectedVersion, Instant now) {
        return handle.createUpdate("""
                UPDATE action_items SET title = :title, description = :description, owner_id = :owner, kind = :kind,
                    priority = :priority, due_on = :due, status = :status, wont_do_reason = :reason,
                    tracker_url = :tracker, source = :source, public = :public, completed_at = :completed,
                    updated_at = :now, version = :version + 1
                WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .bind("title", item.title()).bind("description", item.description()).bind("owner", item.ownerId())
                .bind("kind", item.kind().key()).bind("priority", item.priority().key())
                .bind("due", item.dueOn().toString()).bind("status", item.status().key())
                .bind("reason", item.wontDoReason()).bind("tracker", item.trackerUrl())
                .bind("source", item.source().key()).bind("public", item.isPublic() ? 1 : 0)
                .bind("completed", item.completedAt() == null ? null : item.completedAt().toEpochMilli())
                .bind("now", now.toEpochMilli()).bind("version", expectedVersion).bind("id", item.id())
                .execute() == 1;
    }

    /** Marks the item deleted if it is still at expectedVersion; false when someone else changed it first. */
    public boolean delete(Handle handle, long id, long expectedVersion, Instant now) {
        return handle.createUpdate("""
                UPDATE action_items SET deleted_at = :now, updated_at = :now, version = :version + 1
                WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("version", expectedVersion).bind("id", id)
                .execute() == 1;
    }

    public void addChange(Handle handle, long itemId, Instant at, Actor actor, String field, String before,
            String after) {
        handle.createUpdate("""
                INSERT INTO action_item_changes (item_id, at, actor, actor_name, field, before_text, after_text)
                VALUES (:item, :at, :actor, :name, :field, :before, :after)""")
                .bind("item", itemId).bind("at", at.toEpochMilli()).bind("actor", actor.ref())
                .bind("name", actor.name()).bind("field", field).bind("before", before).bind("after", after)
                .execute();
    }

    /** The item's history, oldest first. */
    public List<ItemChange> changes(Handle handle, long itemId) {
        return handle.createQuery("SELECT * FROM action_item_changes WHERE item_id = :item ORDER BY at, id")
                .bind("item", itemId)
                .map((rs, ctx) -> new ItemChange(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("field"),
                        rs.getString("before_text"), rs.getString("after_text")))
                .list();
    }

    public long addComment(Handle handle, long itemId, long userId, String body, Instant now) {
        return handle.createQuery("""
                INSERT INTO action_item_comments (item_id, user_id, body, created_at)
                VALUES (:item, :user, :body, :now) RETURNING id""")
                .bind("item", itemId).bind("user", userId).bind("body", body).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** The item's comments, oldest first. */
    public List<ItemComment> comments(Handle handle, long itemId) {
        return handle.createQuery("""
                SELECT c.*, u.name AS user_name FROM action_item_comments c JOIN users u ON u.id = c.user_id
                WHERE c.item_id = :item ORDER BY c.created_at, c.id""")
                .bind("item", itemId)
                .map((rs, ctx) -> new ItemComment(rs.getLong("id"), rs.getLong("user_id"), rs.getString("user_name"),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    private static ActionItem item(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        long completed = rs.getLong("completed_at");
        Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
        return new ActionItem(rs.getLong("id"), rs.getLong("postmortem_id"), rs.getString("pm_title"),
                rs.getString("pm_severity"), rs.getString("title"), rs.getString("description"), ownerId,
                rs.getString("owner_name"), ItemKind.parse(rs.getString("kind")).orElse(ItemKind.PROCESS),
                Priority.parse(rs.getString("priority")).orElse(Priority.P4), LocalDate.parse(rs.getString("due_on")),
                ItemStatus.parse(rs.getString("status")).orElse(ItemStatus.OPEN), rs.getString("wont_do_reason"),
                rs.getString("tracker_url"), ItemSource.parse(rs.getString("source")).orElse(ItemSource.REVIEW),
                rs.getInt("public") == 1, Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), completedAt, rs.getLong("version"));
    }
}
