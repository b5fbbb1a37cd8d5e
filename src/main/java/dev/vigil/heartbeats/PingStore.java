package dev.vigil.heartbeats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the pings of heartbeats, one row each. Callers own the transaction. */
final class PingStore {

    void insert(Handle handle, Ping ping) {
        handle.createUpdate("""
                INSERT INTO heartbeat_pings (probe_id, kind, received_at, duration_ms, source, user_agent)
                VALUES (:probe, :kind, :at, :duration, :source, :agent)""")
                .bind("probe", ping.probeId()).bind("kind", ping.kind().key())
                .bind("at", ping.receivedAt().toEpochMilli())
                .bind("duration", ping.runDuration() == null ? null : ping.runDuration().toMillis())
                .bind("source", ping.source()).bind("agent", ping.userAgent())
                .execute();
    }

    /** The probe's latest pings, newest first. */
    List<Ping> latest(Handle handle, String probeId, int limit) {
        return handle.createQuery("""
                SELECT * FROM heartbeat_pings WHERE probe_id = :probe ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .bind("probe", probeId).bind("limit", limit)
                .map((rs, ctx) -> ping(rs))
                .list();
    }

    Optional<Ping> latest(Handle handle, String probeId) {
        return latest(handle, probeId, 1).stream().findFirst();
    }

    /** The latest ping that ended a timed run: the last run's duration. */
    Optional<Ping> latestTimed(Handle handle, String probeId) {
        return handle.createQuery("""
                SELECT * FROM heartbeat_pings WHERE probe_id = :probe AND duration_ms IS NOT NULL
                 ORDER BY received_at DESC, id DESC LIMIT 1""")
                .bind("probe", probeId)
                .map((rs, ctx) -> ping(rs))
                .findOne();
    }

    int deleteBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM heartbeat_pings WHERE received_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    private static Ping ping(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Duration run = rs.wasNull() ? null : Duration.ofMillis(duration);
        return new Ping(rs.getString("probe_id"), PingKind.of(rs.getString("kind")),
                Instant.ofEpochMilli(rs.getLong("received_at")), run, rs.getString("source"), rs.getString("user_agent"));
    }
}
