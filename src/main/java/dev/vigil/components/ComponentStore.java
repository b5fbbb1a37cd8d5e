package dev.vigil.components;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for components and their status history. Callers own the transaction. */
public final class ComponentStore {

    public List<Component> all(Handle handle) {
        return handle.createQuery("SELECT * FROM components WHERE retired_at IS NULL ORDER BY position, id")
                .map((rs, ctx) -> component(rs)).list();
    }

    /** Active or retired: what a probe retired after its component still needs to settle its outage. */
    public Optional<Component> findIncludingRetired(Handle handle, String id) {
        return handle.createQuery("SELECT * FROM components WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> component(rs)).findOne();
    }

    private static Component component(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Component(rs.getString("id"), rs.getString("name"), rs.getString("group_name"),
                rs.getString("description"), rs.getInt("position"),
                ComponentStatus.fromApiName(rs.getString("status")), rs.getString("source"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getInt("essential") != 0);
    }

    public Optional<Component> find(Handle handle, String id) {
        return all(handle).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Inserts a component that is not essential, or updates it; see the next method. */
    public void upsert(Handle handle, String id, String name, String group, String description, int position,
            String source, Instant now) {
        upsert(handle, id, name, group, description, position, false, source, now);
    }

    /** Inserts the component, or updates its description fields and essential flag; its status is left alone. */
    public void upsert(Handle handle, String id, String name, String group, String description, int position,
            boolean essential, String source, Instant now) {
        int updated = handle.createUpdate("""
                UPDATE components SET name = :name, group_name = :group, description = :description,
                       position = :position, essential = :essential, source = :source, updated_at = :now,
                       retired_at = NULL
                 WHERE id = :id""")
                .bind("id", id).bind("name", name).bind("group", group).bind("description", description)
                .bind("position", position).bind("essential", essential ? 1 : 0).bind("source", source)
                .bind("now", now.toEpochMilli())
                .execute();
        if (updated == 0) {
            handle.createUpdate("""
                    INSERT INTO components (id, name, group_name, description, position, essential, status, source,
                                            created_at, updated_at)
                    VALUES (:id, :name, :group, :description, :position, :essential, :status, :source, :now, :now)""")
                    .bind("id", id).bind("name", name).bind("group", group).bind("description", description)
                    .bind("position", position).bind("essential", essential ? 1 : 0)
                    .bind("status", ComponentStatus.OPERATIONAL.apiName())
                    .bind("source", source).bind("now", now.toEpochMilli())
                    .execute();
            appendChange(handle, new StatusChange(id, now, null, ComponentStatus.OPERATIONAL, "component added"));
        }
    }

    /** Hides every configured component not in the list; its history is kept. */
    public void retireAllExcept(Handle handle, List<String> activeIds, String source, Instant now) {
        for (Component component : all(handle)) {
            if (component.source().equals(source) && !activeIds.contains(component.id())) {
                handle.createUpdate("UPDATE components SET retired_at = :now WHERE id = :id")
                        .bind("now", now.toEpochMilli()).bind("id", component.id()).execute();
            }
        }
    }

    /**
     * Holds the component until the transaction ends, so that transactions changing its status
     * take turns and each sees the probes and incident the other committed. PostgreSQL needs it:
     * without it two probes of one component confirming at once each count the other as still up.
     * SQLite has a single writer, so there it changes nothing. A no-op UPDATE rather than SELECT
     * ... FOR UPDATE, because SQLite does not know FOR UPDATE and this runs on both.
     */
    public void lock(Handle handle, String componentId) {
        handle.createUpdate("UPDATE components SET updated_at = updated_at WHERE id = :id")
                .bind("id", componentId).execute();
    }

    /**
     * Records a status change: appends the history row and updates the cached status. The row is
     * never dated before the component's latest row, so the history stays in order even when a
     * backdated outage of one probe is confirmed after another probe's change.
     */
    public StatusChange changeStatus(Handle handle, String componentId, ComponentStatus to, Instant at, String reason) {
        ComponentStatus from = handle.createQuery("SELECT status FROM components WHERE id = :id")
                .bind("id", componentId).mapTo(String.class).findOne()
                .map(ComponentStatus::fromApiName).orElseThrow();
        long latest = handle.createQuery("SELECT COALESCE(MAX(at), 0) FROM component_status_changes WHERE component_id = :id")
                .bind("id", componentId).mapTo(Long.class).one();
        Instant dated = Instant.ofEpochMilli(Math.max(latest, at.toEpochMilli()));
        StatusChange change = new StatusChange(componentId, dated, from, to, reason);
        appendChange(handle, change);
        handle.createUpdate("UPDATE components SET status = :status, updated_at = :at WHERE id = :id")
                .bind("status", to.apiName()).bind("at", dated.toEpochMilli()).bind("id", componentId).execute();
        return change;
    }

    public void appendChange(Handle handle, StatusChange change) {
        handle.createUpdate("""
                INSERT INTO component_status_changes (component_id, at, from_status, to_status, reason)
                VALUES (:component, :at, :from, :to, :reason)""")
                .bind("component", change.componentId()).bind("at", change.at().toEpochMilli())
                .bind("from", change.from() == null ? null : change.from().apiName())
                .bind("to", change.to().apiName()).bind("reason", change.reason())
                .execute();
    }

    /** The history of every component since the given time, plus the row in force at that time. */
    public List<StatusChange> history(Handle handle, Instant since) {
        return handle.createQuery("""
                SELECT component_id, at, from_status, to_status, reason FROM component_status_changes c
                 WHERE at >= :since
                    OR id = (SELECT MAX(id) FROM component_status_changes p
                              WHERE p.component_id = c.component_id AND p.at < :since)
                 ORDER BY component_id, at, id""")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new StatusChange(rs.getString("component_id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("from_status") == null ? null : ComponentStatus.fromApiName(rs.getString("from_status")),
                        ComponentStatus.fromApiName(rs.getString("to_status")), rs.getString("reason")))
                .list();
    }
}
