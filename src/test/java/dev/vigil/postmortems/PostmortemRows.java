package dev.vigil.postmortems;

import dev.vigil.db.Database;
import java.time.Instant;

/**
 * Postmortem rows for tests, written with plain SQL on the V7 columns while the creation service
 * (pm-writeup) is built in parallel; switch to it once both are merged. Action item statuses are
 * set the same way, standing in for the action items feature.
 */
final class PostmortemRows {
    private PostmortemRows() {}

    /** A draft postmortem about the given incidents, with a "summary" and an "impact" section. */
    static long postmortem(Database database, String title, long... incidentIds) {
        long now = Instant.now().toEpochMilli();
        return database.write(handle -> {
            long id = handle.createQuery("""
                    INSERT INTO postmortems (title, severity, status, public_draft, created_at, created_by, updated_at,
                                             version)
                    VALUES (:title, 'sev2', 'draft', '', :now, 'user:1', :now, 1) RETURNING id""")
                    .bind("title", title).bind("now", now).mapTo(Long.class).one();
            for (long incident : incidentIds) {
                handle.createUpdate("INSERT INTO postmortem_incidents (postmortem_id, incident_id) VALUES (:p, :i)")
                        .bind("p", id).bind("i", incident).execute();
            }
            int position = 1;
            for (String[] section : new String[][] {{"summary", "Summary"}, {"impact", "Impact"}}) {
                handle.createUpdate("""
                        INSERT INTO postmortem_sections (postmortem_id, section_key, position, title, body, updated_at)
                        VALUES (:p, :key, :pos, :title, '', :now)""")
                        .bind("p", id).bind("key", section[0]).bind("pos", position++).bind("title", section[1])
                        .bind("now", now).execute();
            }
            return id;
        });
    }

    static long actionItem(Database database, long postmortemId, String title, String status) {
        long now = Instant.now().toEpochMilli();
        return database.write(handle -> handle.createQuery("""
                INSERT INTO action_items (postmortem_id, title, description, kind, priority, due_on, status, source,
                                          public, created_at, created_by, updated_at, version)
                VALUES (:p, :title, '', 'prevent', 'P2', '2026-12-31', :status, 'review', 0, :now, 'user:1', :now, 1)
                RETURNING id""")
                .bind("p", postmortemId).bind("title", title).bind("status", status).bind("now", now)
                .mapTo(Long.class).one());
    }

    /** Sets an item's status as the action items feature would; done and won't do get their completion time. */
    static void setItemStatus(Database database, long itemId, String status, String wontDoReason, Instant at) {
        boolean closed = status.equals("done") || status.equals("wont_do");
        database.write(handle -> handle.createUpdate("""
                UPDATE action_items SET status = :status, wont_do_reason = :reason, completed_at = :completed,
                       updated_at = :at, version = version + 1 WHERE id = :id""")
                .bind("status", status).bind("reason", wontDoReason)
                .bind("completed", closed ? at.toEpochMilli() : null).bind("at", at.toEpochMilli())
                .bind("id", itemId).execute());
    }

    static long version(Database database, long postmortemId) {
        return database.read(handle -> handle.createQuery("SELECT version FROM postmortems WHERE id = :id")
                .bind("id", postmortemId).mapTo(Long.class).one());
    }

    static long itemVersion(Database database, long itemId) {
        return database.read(handle -> handle.createQuery("SELECT version FROM action_items WHERE id = :id")
                .bind("id", itemId).mapTo(Long.class).one());
    }

    static String status(Database database, long postmortemId) {
        return database.read(handle -> handle.createQuery("SELECT status FROM postmortems WHERE id = :id")
                .bind("id", postmortemId).mapTo(String.class).one());
    }
}
