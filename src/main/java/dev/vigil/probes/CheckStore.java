package dev.vigil.probes;

import java.time.Duration;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for raw check results (their roll-ups are {@link CheckRollupStore}'s). Callers own the transaction. */
public final class CheckStore {

    public void insert(Handle handle, CheckResult r) {
        insertAll(handle, List.of(r));
    }

    /** Inserts the results with one prepared statement: a batch costs one round trip, not one per result. */
    public void insertAll(Handle handle, List<CheckResult> results) {
        if (results.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO check_results (probe_id, scheduled_at, started_at, duration_ms, ttfb_ms, outcome, reason,
                                           status_code, interval_ms)
                VALUES (:probe, :scheduled, :started, :duration, :ttfb, :outcome, :reason, :status, :interval)""");
        for (CheckResult r : results) {
            batch.bind("probe", r.probeId())
                    .bind("scheduled", r.scheduledAt().toEpochMilli())
                    .bind("started", r.startedAt().toEpochMilli())
                    .bind("duration", (int) Math.min(Integer.MAX_VALUE, r.duration().toMillis()))
                    .bind("ttfb", r.timeToFirstByte() == null ? null : (int) r.timeToFirstByte().toMillis())
                    .bind("outcome", r.outcome().name())
                    .bind("reason", r.reason())
                    .bind("status", r.statusCode())
                    .bind("interval", (int) Math.min(Integer.MAX_VALUE, r.interval().toMillis()))
                    .add();
        }
        batch.execute();
    }

    /** The latest results of a probe, newest first. */
    public List<CheckResult> latest(Handle handle, String probeId, int limit) {
        return handle.createQuery("SELECT * FROM check_results WHERE probe_id = :probe ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("probe", probeId).bind("limit", limit)
                .map((rs, ctx) -> result(rs))
                .list();
    }

    public long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM check_results").mapTo(Long.class).one();
    }

    /** A stored result with its row id, which orders results by when they were written. */
    public record Stored(long id, CheckResult result) {}

    /** Up to limit results written after the one with id afterId, in the order they were written. */
    public List<Stored> writtenAfter(Handle handle, long afterId, int limit) {
        return handle.createQuery("SELECT * FROM check_results WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), result(rs)))
                .list();
    }

    /** The results of the probes started in [from, to), oldest first; with the last one of each probe before from. */
    public List<CheckResult> around(Handle handle, Collection<String> probeIds, Instant from, Instant to) {
        List<CheckResult> results = new ArrayList<>();
        for (String probeId : probeIds) {
            handle.createQuery("""
                            SELECT * FROM check_results WHERE probe_id = :probe AND started_at < :from
                             ORDER BY started_at DESC, id DESC LIMIT 1""")
                    .bind("probe", probeId).bind("from", from.toEpochMilli())
                    .map((rs, ctx) -> result(rs)).findOne().ifPresent(results::add);
        }
        handle.createQuery("""
                        SELECT * FROM check_results WHERE started_at >= :from AND started_at < :to
                         ORDER BY started_at, id""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> result(rs))
                .forEach(r -> {
                    if (probeIds.contains(r.probeId())) {
                        results.add(r);
                    }
                });
        return results;
    }

    /** Deletes the results started before the cutoff that the roll-ups already hold (id at most rolledUpTo). */
    public int deleteRolledUpBefore(Handle handle, Instant cutoff, long rolledUpTo) {
        return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff AND id <= :rolled")
                .bind("cutoff", cutoff.toEpochMilli()).bind("rolled", rolledUpTo).execute();
    }

    public int deleteBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    private static CheckResult result(ResultSet rs) throws SQLException {
        long ttfb = rs.getLong("ttfb_ms");
        Duration firstByte = rs.wasNull() ? null : Duration.ofMillis(ttfb);
        int status = rs.getInt("status_code");
        Integer code = rs.wasNull() ? null : status;
        long interval = rs.getLong("interval_ms");
        // Results stored before V20 have no interval; 60 s was the default, and they are past their retention soon.
        Duration every = rs.wasNull() || interval <= 0 ? CheckResult.DEFAULT_INTERVAL : Duration.ofMillis(interval);
        return new CheckResult(rs.getString("probe_id"), Instant.ofEpochMilli(rs.getLong("scheduled_at")),
                Instant.ofEpochMilli(rs.getLong("started_at")), Duration.ofMillis(rs.getLong("duration_ms")),
                firstByte, Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), code, every);
    }
}
