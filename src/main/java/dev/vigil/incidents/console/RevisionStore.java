package dev.vigil.incidents.console;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for the text updates had before they were corrected. Callers own the transaction. */
final class RevisionStore {

    /** The text an update had until someone corrected it. */
    record Revision(long updateId, Instant revisedAt, String actor, String actorName, String bodyBefore) {}

    void add(Handle handle, Revision revision) {
        handle.createUpdate("""
                INSERT INTO incident_update_revisions (update_id, revised_at, actor, actor_name, body_before)
                VALUES (:update, :at, :actor, :name, :before)""")
                .bind("update", revision.updateId()).bind("at", revision.revisedAt().toEpochMilli())
                .bind("actor", revision.actor()).bind("name", revision.actorName())
                .bind("before", revision.bodyBefore()).execute();
    }

    /** The revisions of one update, newest first. */
    List<Revision> of(Handle handle, long updateId) {
        return handle.createQuery("""
                SELECT * FROM incident_update_revisions WHERE update_id = :update ORDER BY revised_at DESC, id DESC""")
                .bind("update", updateId)
                .map((rs, ctx) -> new Revision(rs.getLong("update_id"), Instant.ofEpochMilli(rs.getLong("revised_at")),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("body_before")))
                .list();
    }

    /** How many times each update of an incident was corrected; updates never corrected are absent. */
    Map<Long, Integer> countsFor(Handle handle, long incidentId) {
        Map<Long, Integer> counts = new HashMap<>();
        handle.createQuery("""
                SELECT r.update_id, COUNT(*) AS revisions FROM incident_update_revisions r
                  JOIN incident_updates u ON u.id = r.update_id
                 WHERE u.incident_id = :incident GROUP BY r.update_id""")
                .bind("incident", incidentId)
                .map((rs, ctx) -> Map.entry(rs.getLong("update_id"), rs.getInt("revisions")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
