package dev.vigil.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for staff alert hooks. Callers own the transaction. */
public final class StaffHookStore {

    public long create(Handle handle, Channel kind, String name, String url, String secret, Instant now) {
        return handle.createQuery("""
                INSERT INTO staff_hooks (kind, name, url, secret, created_at)
                VALUES (:kind, :name, :url, :secret, :now) RETURNING id""")
                .bind("kind", kind.key()).bind("name", name).bind("url", url).bind("secret", secret)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** False when it was removed already (or never existed). */
    public boolean remove(Handle handle, long id, Instant now) {
        return handle.createUpdate("UPDATE staff_hooks SET removed_at = :now WHERE id = :id AND removed_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** The hooks in use, oldest first. */
    public List<StaffHook> active(Handle handle) {
        return handle.createQuery("SELECT * FROM staff_hooks WHERE removed_at IS NULL ORDER BY id")
                .map((rs, ctx) -> hook(rs)).list();
    }

    public Optional<StaffHook> findActive(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM staff_hooks WHERE id = :id AND removed_at IS NULL")
                .bind("id", id).map((rs, ctx) -> hook(rs)).findOne();
    }

    private static StaffHook hook(ResultSet rs) throws SQLException {
        return new StaffHook(rs.getLong("id"), Channel.fromKey(rs.getString("kind")), rs.getString("name"),
                rs.getString("url"), rs.getString("secret"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
