package dev.vigil.incidents.console;

import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for what only staff do to incidents: list them, rename, reopen, correct an update and
 * merge one incident into another. The rest (create, post updates) is {@code IncidentStore}'s.
 * Callers own the transaction.
 */
final class StaffIncidentStore {

    /** An incident as a line of the console's list. resolvedAt is null while open. */
    record Row(long id, String name, IncidentStatus status, Impact impact, String source, Instant startedAt,
            Instant resolvedAt) {}

    /** One update's place and text, for corrections. */
    record UpdateText(long id, long incidentId, String body) {}

    /** Open incidents first, then the rest; newest first within each; merged ones never. */
    List<Row> list(Handle handle, int limit) {
        return handle.createQuery("""
                SELECT id, name, status, impact, source, started_at, resolved_at FROM incidents
                 WHERE merged_into_id IS NULL
                 ORDER BY CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END, started_at DESC, id DESC
                 LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /** The incident that absorbed a merged one. */
    Optional<Long> mergedInto(Handle handle, long id) {
        return handle.createQuery("SELECT merged_into_id FROM incidents WHERE id = :id AND merged_into_id IS NOT NULL")
                .bind("id", id).mapTo(Long.class).findOne();
    }

    void rename(Handle handle, long id, String name, Instant now) {
        handle.createUpdate("UPDATE incidents SET name = :name, updated_at = :now WHERE id = :id")
                .bind("name", name).bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    /** Clears the resolution of an incident that a new open update brought back. */
    void reopen(Handle handle, long id) {
        handle.createUpdate("UPDATE incidents SET resolved_at = NULL WHERE id = :id").bind("id", id).execute();
    }

    Optional<UpdateText> update(Handle handle, long updateId) {
        return handle.createQuery("SELECT id, incident_id, body FROM incident_updates WHERE id = :id")
                .bind("id", updateId)
                .map((rs, ctx) -> new UpdateText(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("body")))
                .findOne();
    }

    void correctBody(Handle handle, long updateId, String body, Instant now) {
        handle.createUpdate("UPDATE incident_updates SET body = :body, updated_at = :now WHERE id = :id")
                .bind("body", body).bind("now", now.toEpochMilli()).bind("id", updateId).execute();
    }

    Optional<String> autoComponentOf(Handle handle, long id) {
        return handle.createQuery("SELECT auto_component_id FROM incidents WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne();
    }

    void moveUpdates(Handle handle, long from, long into) {
        handle.createUpdate("UPDATE incident_updates SET incident_id = :into WHERE incident_id = :from")
                .bind("into", into).bind("from", from).execute();
    }

    void unlinkComponents(Handle handle, long id) {
        handle.createUpdate("DELETE FROM incident_components WHERE incident_id = :id").bind("id", id).execute();
    }

    /**
     * Marks an incident merged. Its automatic-incident mark is cleared in the same statement, so
     * the one-open-automatic-incident-per-component index never sees it twice.
     */
    void markMerged(Handle handle, long from, long into, Instant now) {
        handle.createUpdate("""
                UPDATE incidents SET merged_into_id = :into, merged_at = :now, updated_at = :now, auto_component_id = NULL
                 WHERE id = :from""")
                .bind("into", into).bind("now", now.toEpochMilli()).bind("from", from).execute();
    }

    /** Makes an open incident the one new outages of the component join. */
    void takeAutoComponent(Handle handle, long id, String componentId) {
        handle.createUpdate("UPDATE incidents SET auto_component_id = :component WHERE id = :id AND resolved_at IS NULL")
                .bind("component", componentId).bind("id", id).execute();
    }

    /**
     * After a merge: the incident runs from the earlier start to the later resolution (null while
     * open) and is as bad as the worse of the two.
     */
    void widen(Handle handle, long id, Instant startedAt, Instant resolvedAt, Impact impact, Instant now) {
        handle.createUpdate("""
                UPDATE incidents SET started_at = :started, resolved_at = :resolved, impact = :impact, updated_at = :now
                 WHERE id = :id""")
                .bind("started", startedAt.toEpochMilli())
                .bind("resolved", resolvedAt == null ? null : resolvedAt.toEpochMilli())
                .bind("impact", impact.apiName()).bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    private static Row row(ResultSet rs) throws SQLException {
        long resolved = rs.getLong("resolved_at");
        boolean open = rs.wasNull();
        return new Row(rs.getLong("id"), rs.getString("name"), IncidentStatus.fromApiName(rs.getString("status")),
                Impact.fromApiName(rs.getString("impact")), rs.getString("source"),
                Instant.ofEpochMilli(rs.getLong("started_at")), open ? null : Instant.ofEpochMilli(resolved));
    }
}
