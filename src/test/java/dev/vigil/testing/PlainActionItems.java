package dev.vigil.testing;

import dev.vigil.db.Database;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Postmortems and action items written with plain SQL, for tests of features that only read them
 * (the metrics page). The action items feature is built in parallel; once it is merged these can
 * go through its store instead.
 */
public final class PlainActionItems {
    private PlainActionItems() {}

    /** A draft postmortem; returns its id. */
    public static long postmortem(Database database, String title, Instant at) {
        return database.write(handle -> handle.createQuery("""
                INSERT INTO postmortems (title, severity, status, public_draft, created_at, created_by, updated_at, version)
                VALUES (:title, 'sev2', 'draft', '', :at, 'test', :at, 1) RETURNING id""")
                .bind("title", title).bind("at", at.toEpochMilli()).mapTo(Long.class).one());
    }

    /** An action item; completedAt is null unless status is done or wont_do. Returns its id. */
    public static long item(Database database, long postmortemId, String priority, String status, LocalDate dueOn,
            Instant createdAt, Instant completedAt) {
        return database.write(handle -> handle.createQuery("""
                INSERT INTO action_items (postmortem_id, title, description, kind, priority, due_on, status, source,
                                          public, created_at, created_by, updated_at, completed_at, version)
                VALUES (:postmortem, :title, '', 'prevent', :priority, :due, :status, 'review', 0, :created, 'test',
                        :created, :completed, 1) RETURNING id""")
                .bind("postmortem", postmortemId).bind("title", priority + " " + status + " due " + dueOn)
                .bind("priority", priority).bind("due", dueOn.toString()).bind("status", status)
                .bind("created", createdAt.toEpochMilli())
                .bind("completed", completedAt == null ? null : completedAt.toEpochMilli())
                .mapTo(Long.class).one());
    }

    public static void deleteItem(Database database, long itemId, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE action_items SET deleted_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", itemId).execute());
    }

    public static void deletePostmortem(Database database, long postmortemId, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE postmortems SET deleted_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", postmortemId).execute());
    }
}
