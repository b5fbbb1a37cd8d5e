package dev.vigil.actionitems;

import dev.vigil.accounts.Role;
import dev.vigil.accounts.UserStore;
import dev.vigil.db.Database;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Postmortems, incidents and action items written with plain SQL, for the reminder tests: the
 * action items service is built in parallel (issue 4) and the tests will move to it once merged.
 * Users are created through the real user store.
 */
final class ReminderRows {
    private static final Instant CREATED = Instant.parse("2026-01-02T10:00:00Z");

    private final Database database;

    ReminderRows(Database database) {
        this.database = database;
    }

    long user(String email, String name, Role role) {
        return database.write(handle -> new UserStore().create(handle, email, name, role,
                "$argon2id$v=19$m=19456,t=2,p=1$bm90LXVzZWQ$bm90LXVzZWQ", CREATED));
    }

    void disable(long userId) {
        database.write(handle -> handle.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id")
                .bind("at", CREATED.toEpochMilli()).bind("id", userId).execute());
    }

    /** status: draft, in_review, approved, published or complete. */
    long postmortem(String title, String status, Long ownerId) {
        return database.write(handle -> handle.createQuery("""
                INSERT INTO postmortems (title, severity, status, owner_id, public_draft, created_at, created_by,
                                         updated_at, version)
                VALUES (:title, 'sev2', :status, :owner, '', :at, 'user:1', :at, 1) RETURNING id""")
                .bind("title", title).bind("status", status).bind("owner", ownerId).bind("at", CREATED.toEpochMilli())
                .mapTo(Long.class).one());
    }

    /** A resolved incident that the postmortem is about. */
    long resolvedIncident(long postmortemId, String name) {
        return database.write(handle -> {
            long incident = handle.createQuery("""
                    INSERT INTO incidents (name, status, impact, started_at, created_at, updated_at, resolved_at, source)
                    VALUES (:name, 'resolved', 'major', :at, :at, :at, :at, 'staff') RETURNING id""")
                    .bind("name", name).bind("at", CREATED.toEpochMilli()).mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO postmortem_incidents (postmortem_id, incident_id) VALUES (:p, :i)")
                    .bind("p", postmortemId).bind("i", incident).execute();
            return incident;
        });
    }

    /** status: open, in_progress, blocked, done or wont_do. */
    long item(long postmortemId, String title, Long ownerId, String priority, LocalDate dueOn, String status) {
        return database.write(handle -> handle.createQuery("""
                INSERT INTO action_items (postmortem_id, title, description, owner_id, kind, priority, due_on, status,
                                          source, public, created_at, created_by, updated_at, version)
                VALUES (:postmortem, :title, '', :owner, 'prevent', :priority, :due, :status, 'review', 0, :at,
                        'user:1', :at, 1) RETURNING id""")
                .bind("postmortem", postmortemId).bind("title", title).bind("owner", ownerId)
                .bind("priority", priority).bind("due", dueOn.toString()).bind("status", status)
                .bind("at", CREATED.toEpochMilli())
                .mapTo(Long.class).one());
    }

    long openItem(long postmortemId, String title, Long ownerId, LocalDate dueOn) {
        return item(postmortemId, title, ownerId, "P2", dueOn, "open");
    }

    void deleteItem(long itemId) {
        database.write(handle -> handle.createUpdate("UPDATE action_items SET deleted_at = :at WHERE id = :id")
                .bind("at", CREATED.toEpochMilli()).bind("id", itemId).execute());
    }

    void deletePostmortem(long postmortemId) {
        database.write(handle -> handle.createUpdate("UPDATE postmortems SET deleted_at = :at WHERE id = :id")
                .bind("at", CREATED.toEpochMilli()).bind("id", postmortemId).execute());
    }

    long count(String sql) {
        return database.read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
