package dev.vigil.actionitems;

import dev.vigil.db.Database;
import java.time.Instant;

/**
 * Postmortem rows written with plain SQL on the V7 columns, because the postmortem feature is
 * built in parallel; switch these to its service once it is merged.
 */
final class PostmortemRows {
    private PostmortemRows() {}

    /** A draft postmortem of the given severity (sev1 .. sev4); returns its id. */
    static long insert(Database database, String title, String severity, String... componentIds) {
        long now = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        return database.write(handle -> {
            long id = handle.createQuery("""
                    INSERT INTO postmortems (title, severity, status, public_draft, created_at, created_by,
                        updated_at, version)
                    VALUES (:title, :severity, 'draft', '', :now, 'user:1', :now, 1) RETURNING id""")
                    .bind("title", title).bind("severity", severity).bind("now", now)
                    .mapTo(Long.class).one();
            for (String component : componentIds) {
                handle.createUpdate("INSERT INTO postmortem_components (postmortem_id, component_id) VALUES (:pm, :c)")
                        .bind("pm", id).bind("c", component).execute();
            }
            return id;
        });
    }

    /** A component row, for postmortems to name (components normally come from the configuration). */
    static void component(Database database, String id, String name) {
        database.write(handle -> handle.createUpdate("""
                INSERT INTO components (id, name, position, status, source, created_at, updated_at)
                VALUES (:id, :name, 0, 'operational', 'console', 0, 0)""")
                .bind("id", id).bind("name", name).execute());
    }

    /** A user who can own items; returns the id. */
    static long user(Database database, String name, String email, boolean disabled) {
        return database.write(handle -> handle.createQuery("""
                INSERT INTO users (email, name, role, password_hash, created_at, disabled_at)
                VALUES (:email, :name, 'editor', 'x', 0, :disabled) RETURNING id""")
                .bind("email", email).bind("name", name).bind("disabled", disabled ? (Long) 1L : null)
                .mapTo(Long.class).one());
    }
}
