package dev.vigil.notifications;

import org.jdbi.v3.core.Handle;

/**
 * SQL for the cursors of the history job: per history table, the id of the last row turned into
 * deliveries. Callers own the transaction. Sources are the names of the tables, never user input.
 */
final class CursorStore {
    static final String INCIDENT_UPDATES = "incident_updates";
    static final String COMPONENT_CHANGES = "component_status_changes";
    static final String NOTICE_PUBLICATIONS = "notice_publications";

    /** Starts a missing cursor after the rows already there, so that old history is never announced. */
    void startAtEnd(Handle handle, String source) {
        handle.createUpdate("INSERT INTO notification_cursors (source, last_id)"
                        + " VALUES (:source, (SELECT COALESCE(MAX(id), 0) FROM " + source + "))"
                        + " ON CONFLICT (source) DO NOTHING")
                .bind("source", source).execute();
    }

    long position(Handle handle, String source) {
        return handle.createQuery("SELECT last_id FROM notification_cursors WHERE source = :source")
                .bind("source", source).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("no notification cursor for " + source));
    }

    /** Whether rows past the cursor exist: a cheap look before taking the writer. */
    boolean hasRowsAfter(Handle handle, String source) {
        long newest = handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM " + source).mapTo(Long.class).one();
        return newest > position(handle, source);
    }

    /** Moves forward only, so that a second job that read the same rows cannot move it back. */
    void move(Handle handle, String source, long lastId) {
        handle.createUpdate("UPDATE notification_cursors SET last_id = :id WHERE source = :source AND last_id < :id")
                .bind("id", lastId).bind("source", source).execute();
    }
}
