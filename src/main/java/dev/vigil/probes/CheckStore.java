package dev.vigil.probes;

import dev.vigil.config.ProbeLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for raw check results and their hourly and daily roll-ups. Callers own the transaction. */
public final class CheckStore {

    /** Stores a check the server ran itself (location "server"). */
    public void insert(Handle handle, CheckResult r) {
        insert(handle, r, ProbeLocations.SERVER);
    }

    /** Stores a check taken at the given location: "server", or a probe agent's location (issue 11). */
    public void insert(Handle handle, CheckResult r, String location) {
        handle.createUpdate("""
                INSERT INTO check_results (probe_id, scheduled_at, started_at, duration_ms, ttfb_ms, outcome, reason,
                                           status_code, location)
                VALUES (:probe, :scheduled, :started, :duration, :ttfb, :outcome, :reason, :status, :location)""")
                .bind("probe", r.probeId())
                .bind("location", location)
                .bind("scheduled", r.scheduledAt().toEpochMilli())
                .bind("started", r.startedAt().toEpochMilli())
                .bind("duration", (int) Math.min(Integer.MAX_VALUE, r.duration().toMillis()))
                .bind("ttfb", r.timeToFirstByte() == null ? null : (int) r.timeToFirstByte().toMillis())
                .bind("outcome", r.outcome().name())
                .bind("reason", r.reason())
                .bind("status", r.statusCode())
                .execute();
    }

    /**
     * Whether an agent's result of this probe, location and schedule is stored already (sent again). The
     * repeated "location <> 'server'" lets SQLite use the partial unique index that guards the same.
     */
    public boolean hasAgentResult(Handle handle, String probeId, String location, Instant scheduledAt) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM check_results
                         WHERE probe_id = :probe AND location = :location AND scheduled_at = :scheduled
                           AND location <> 'server'""")
                .bind("probe", probeId).bind("location", location).bind("scheduled", scheduledAt.toEpochMilli())
                .mapTo(Integer.class).one() > 0;
    }

    /** The latest results of a probe, newest first. */
    public List<CheckResult> latest(Handle handle, String probeId, int limit) {
        return handle.createQuery("SELECT * FROM check_results WHERE probe_id = :probe ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("probe", probeId).bind("limit", limit)
                .map((rs, ctx) -> {
                    long ttfb = rs.getLong("ttfb_ms");
                    Duration firstByte = rs.wasNull() ? null : Duration.ofMillis(ttfb);
                    int status = rs.getInt("status_code");
                    Integer code = rs.wasNull() ? null : status;
                    return new CheckResult(rs.getString("probe_id"), Instant.ofEpochMilli(rs.getLong("scheduled_at")),
                            Instant.ofEpochMilli(rs.getLong("started_at")), Duration.ofMillis(rs.getLong("duration_ms")),
                            firstByte, Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), code);
                })
                .list();
    }

    public long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM check_results").mapTo(Long.class).one();
    }

    /**
     * Adds the results started before the cutoff into the roll-ups of the given period, then
     * deletes them. Periods are periodMillis long and start offsetMillis before each multiple of it
     * (a zone's standard offset, so that days start at local midnight).
     */
    public void rollUp(Handle handle, Instant cutoff, String period, long periodMillis, long offsetMillis) {
        handle.createUpdate("""
                INSERT INTO check_rollups (probe_id, period, period_start, up_count, degraded_count, down_count,
                                           skipped_count, total_duration_ms, max_duration_ms)
                SELECT probe_id, :period, bucket,
                       SUM(CASE WHEN outcome = 'UP' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN outcome = 'DEGRADED' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN outcome = 'DOWN' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN outcome = 'SKIPPED' THEN 1 ELSE 0 END),
                       SUM(duration_ms), MAX(duration_ms)
                  FROM (SELECT probe_id, outcome, duration_ms,
                               ((started_at + :offset) / :size) * :size - :offset AS bucket
                          FROM check_results WHERE started_at < :cutoff) raw
                 WHERE 1 = 1 -- SQLite needs a WHERE before an upsert's ON CONFLICT
                 GROUP BY probe_id, bucket
                ON CONFLICT (probe_id, period, period_start) DO UPDATE SET
                       up_count = check_rollups.up_count + excluded.up_count,
                       degraded_count = check_rollups.degraded_count + excluded.degraded_count,
                       down_count = check_rollups.down_count + excluded.down_count,
                       skipped_count = check_rollups.skipped_count + excluded.skipped_count,
                       total_duration_ms = check_rollups.total_duration_ms + excluded.total_duration_ms,
                       max_duration_ms = CASE WHEN excluded.max_duration_ms > check_rollups.max_duration_ms
                                              THEN excluded.max_duration_ms ELSE check_rollups.max_duration_ms END""")
                .bind("period", period).bind("size", periodMillis).bind("offset", offsetMillis)
                .bind("cutoff", cutoff.toEpochMilli())
                .execute();
    }

    public int deleteBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }
}
