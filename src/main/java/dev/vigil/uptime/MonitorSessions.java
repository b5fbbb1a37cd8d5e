package dev.vigil.uptime;

import dev.vigil.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Records when Vigil itself runs, so that time it was not running counts as "no data" rather
 * than downtime. A session is stamped alive every {@link #HEARTBEAT}; after a crash, its last
 * stamp is where its data ends.
 */
public final class MonitorSessions {
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final Database database;
    private final Clock clock;
    private volatile long sessionId = -1;

    public MonitorSessions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void begin() {
        long now = clock.millis();
        sessionId = database.write(handle -> handle.createQuery(
                        "INSERT INTO monitor_sessions (started_at, last_alive_at) VALUES (:now, :now) RETURNING id")
                .bind("now", now).mapTo(Long.class).one());
    }

    public void heartbeat() {
        database.write(handle -> handle.createUpdate("UPDATE monitor_sessions SET last_alive_at = :now WHERE id = :id")
                .bind("now", clock.millis()).bind("id", sessionId).execute());
    }

    public void end() {
        if (sessionId < 0) {
            return;
        }
        long now = clock.millis();
        database.write(handle -> handle.createUpdate(
                        "UPDATE monitor_sessions SET last_alive_at = :now, stopped_at = :now WHERE id = :id")
                .bind("now", now).bind("id", sessionId).execute());
    }

    /** The intervals during which Vigil was watching, oldest first; the current session runs to now. */
    public List<Interval> coverage(Instant since) {
        return database.read(handle -> coverage(handle, since));
    }

    /** The same, read in the caller's transaction. */
    public List<Interval> coverage(Handle handle, Instant since) {
        Instant now = clock.instant();
        return handle.createQuery("""
                        SELECT id, started_at, COALESCE(stopped_at, last_alive_at) AS ended_at FROM monitor_sessions
                         WHERE COALESCE(stopped_at, last_alive_at) >= :since OR id = :current ORDER BY started_at""")
                .bind("since", since.toEpochMilli()).bind("current", sessionId)
                .map((rs, ctx) -> new Interval(Instant.ofEpochMilli(rs.getLong("started_at")),
                        rs.getLong("id") == sessionId ? now : Instant.ofEpochMilli(rs.getLong("ended_at"))))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
