package dev.vigil.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for staff alert hooks. Callers own the transaction. */
public final class StaffHookStore {

    public long create(Handle handle, Channel kind, String name, String url, String secret, Set<Event> events,
            Instant now) {
        return handle.createQuery("""
                INSERT INTO staff_hooks (kind, name, url, secret, events, created_at)
                VALUES (:kind, :name, :url, :secret, :events, :now) RETURNING id""")
                .bind("kind", kind.key()).bind("name", name).bind("url", url).bind("secret", secret)
                .bind("events", keys(events)).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** False when the hook was removed (or never existed). */
    public boolean setEvents(Handle handle, long id, Set<Event> events) {
        return handle.createUpdate("UPDATE staff_hooks SET events = :events WHERE id = :id AND removed_at IS NULL")
                .bind("events", keys(events)).bind("id", id).execute() == 1;
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
                rs.getString("url"), rs.getString("secret"), Instant.ofEpochMilli(rs.getLong("created_at")),
                events(rs.getString("events")));
    }

    /** In the order of {@link StaffHook#CHOICES}, so the stored text is stable. */
    private static String keys(Set<Event> events) {
        return StaffHook.CHOICES.stream().filter(events::contains).map(Event::key).collect(Collectors.joining(","));
    }

    /** NULL (hooks made before V16) hears everything; keys this version does not know are skipped. */
    private static Set<Event> events(String keys) {
        if (keys == null) {
            return Set.copyOf(StaffHook.CHOICES);
        }
        return StaffHook.choicesNamed(Arrays.stream(keys.split(",")).map(String::strip).toList());
    }
}
