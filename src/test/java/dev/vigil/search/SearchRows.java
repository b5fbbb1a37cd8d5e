package dev.vigil.search;

import dev.vigil.db.Database;

/**
 * Postmortems, sections, tags and action items written as plain rows in V7's columns, the way the
 * postmortem and action-item features will write them. The search must find them through V11's
 * triggers alone, so no code of ours is involved in writing them.
 */
final class SearchRows {
    private static final long AT = 1_764_000_000_000L;

    private final Database database;

    SearchRows(Database database) {
        this.database = database;
    }

    long user(String name) {
        return database.write(handle -> handle.createQuery("""
                        INSERT INTO users (email, name, role, password_hash, created_at)
                        VALUES (:email, :name, 'editor', 'x', :at) RETURNING id""")
                .bind("email", name.toLowerCase().replace(' ', '.') + "@example.com").bind("name", name).bind("at", AT)
                .mapTo(Long.class).one());
    }

    long postmortem(String title, String status, String severity) {
        return database.write(handle -> handle.createQuery("""
                        INSERT INTO postmortems (title, severity, status, public_draft, created_at, created_by,
                                                 updated_at, version)
                        VALUES (:title, :severity, :status, '', :at, 'user:1', :at, 1) RETURNING id""")
                .bind("title", title).bind("severity", severity).bind("status", status).bind("at", AT)
                .mapTo(Long.class).one());
    }

    long postmortem(String title) {
        return postmortem(title, "draft", "sev2");
    }

    void section(long postmortem, String key, int position, String body) {
        database.write(handle -> handle.createUpdate("""
                        INSERT INTO postmortem_sections (postmortem_id, section_key, position, title, body, updated_at)
                        VALUES (:postmortem, :key, :position, :key, :body, :at)""")
                .bind("postmortem", postmortem).bind("key", key).bind("position", position).bind("body", body)
                .bind("at", AT).execute());
    }

    void editSection(long postmortem, String key, String body) {
        database.write(handle -> handle.createUpdate("""
                        UPDATE postmortem_sections SET body = :body, updated_at = :at
                        WHERE postmortem_id = :postmortem AND section_key = :key""")
                .bind("postmortem", postmortem).bind("key", key).bind("body", body).bind("at", AT + 1).execute());
    }

    void timelineEvent(long postmortem, String title, String detail, String annotation) {
        database.write(handle -> handle.createUpdate("""
                        INSERT INTO postmortem_timeline (postmortem_id, at, kind, title, detail, hidden, pinned,
                                                         annotation, created_at, created_by)
                        VALUES (:postmortem, :at, 'note', :title, :detail, 0, 0, :annotation, :at, 'user:1')""")
                .bind("postmortem", postmortem).bind("title", title).bind("detail", detail)
                .bind("annotation", annotation).bind("at", AT).execute());
    }

    void tag(long postmortem, String tag) {
        database.write(handle -> handle.createUpdate("INSERT INTO postmortem_tags (postmortem_id, tag) VALUES (:p, :tag)")
                .bind("p", postmortem).bind("tag", tag).execute());
    }

    void untag(long postmortem, String tag) {
        database.write(handle -> handle.createUpdate("DELETE FROM postmortem_tags WHERE postmortem_id = :p AND tag = :tag")
                .bind("p", postmortem).bind("tag", tag).execute());
    }

    void rename(long postmortem, String title) {
        database.write(handle -> handle.createUpdate("UPDATE postmortems SET title = :title, version = version + 1 WHERE id = :id")
                .bind("id", postmortem).bind("title", title).execute());
    }

    void deletePostmortem(long postmortem) {
        database.write(handle -> handle.createUpdate("UPDATE postmortems SET deleted_at = :at WHERE id = :id")
                .bind("id", postmortem).bind("at", AT + 2).execute());
    }

    long item(long postmortem, String title, String description, String status, Long owner) {
        return database.write(handle -> handle.createQuery("""
                        INSERT INTO action_items (postmortem_id, title, description, owner_id, kind, priority, due_on,
                                                  status, source, public, created_at, created_by, updated_at, version)
                        VALUES (:postmortem, :title, :description, :owner, 'prevent', 'P2', '2026-12-31', :status,
                                'review', 0, :at, 'user:1', :at, 1) RETURNING id""")
                .bind("postmortem", postmortem).bind("title", title).bind("description", description)
                .bind("owner", owner).bind("status", status).bind("at", AT)
                .mapTo(Long.class).one());
    }

    long item(long postmortem, String title, String description) {
        return item(postmortem, title, description, "open", null);
    }

    void describeItem(long item, String description) {
        database.write(handle -> handle.createUpdate("UPDATE action_items SET description = :d, version = version + 1 WHERE id = :id")
                .bind("id", item).bind("d", description).execute());
    }

    void deleteItem(long item) {
        database.write(handle -> handle.createUpdate("UPDATE action_items SET deleted_at = :at WHERE id = :id")
                .bind("id", item).bind("at", AT + 2).execute());
    }
}
