package dev.vigil.heartbeats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the heartbeats' tokens and latest pings, one row per heartbeat probe. Callers own the transaction. */
final class HeartbeatStore {

    /**
     * @param generatedToken the token itself when Vigil made it; null for a token of vigil.yml (only its hash is kept)
     * @param lastSuccessAt the latest success ping, or null; lastFailAt likewise
     */
    record Row(String probeId, String tokenHash, String generatedToken, Instant watchedSince, Instant lastSuccessAt,
            Instant lastFailAt) {}

    Optional<Row> find(Handle handle, String probeId) {
        return handle.createQuery("SELECT * FROM heartbeats WHERE probe_id = :probe")
                .bind("probe", probeId)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** A heartbeat seen for the first time: Vigil waits for its pings from now. */
    void insert(Handle handle, String probeId, String tokenHash, String generatedToken, Instant now) {
        handle.createUpdate("""
                INSERT INTO heartbeats (probe_id, token_hash, generated_token, watched_since, updated_at)
                VALUES (:probe, :hash, :token, :now, :now)""")
                .bind("probe", probeId).bind("hash", tokenHash).bind("token", generatedToken)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    void changeToken(Handle handle, String probeId, String tokenHash, String generatedToken, Instant now) {
        handle.createUpdate("""
                UPDATE heartbeats SET token_hash = :hash, generated_token = :token, updated_at = :now
                 WHERE probe_id = :probe""")
                .bind("probe", probeId).bind("hash", tokenHash).bind("token", generatedToken)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Keeps the latest success or fail beside the rows of heartbeat_pings, in the same transaction. */
    void recordPing(Handle handle, String probeId, PingKind kind, Instant at) {
        if (!kind.endsRun()) {
            return;
        }
        String column = kind == PingKind.SUCCESS ? "last_success_at" : "last_fail_at";
        handle.createUpdate("UPDATE heartbeats SET " + column + " = :at, updated_at = :at WHERE probe_id = :probe"
                        + " AND (" + column + " IS NULL OR " + column + " < :at)")
                .bind("probe", probeId).bind("at", at.toEpochMilli())
                .execute();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("probe_id"), rs.getString("token_hash"), rs.getString("generated_token"),
                Instant.ofEpochMilli(rs.getLong("watched_since")), instant(rs, "last_success_at"),
                instant(rs, "last_fail_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
