package dev.vigil.probes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** SQL for check_rollups: results summed per probe and minute, hour or day. Callers own the transaction. */
public final class CheckRollupStore {
    private static final String BUCKETS = IntStream.range(0, LatencyBuckets.COUNT)
            .mapToObj(LatencyBuckets::column).collect(Collectors.joining(", "));

    /** Adds each roll-up to the stored one of its probe, period and start (an upsert that sums), in one batch. */
    private static final String ADD = """
            INSERT INTO check_rollups (probe_id, period, period_start, up_count, degraded_count, down_count,
                                       skipped_count, total_duration_ms, max_duration_ms, %s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %s)
            ON CONFLICT (probe_id, period, period_start) DO UPDATE SET
                   up_count = check_rollups.up_count + excluded.up_count,
                   degraded_count = check_rollups.degraded_count + excluded.degraded_count,
                   down_count = check_rollups.down_count + excluded.down_count,
                   skipped_count = check_rollups.skipped_count + excluded.skipped_count,
                   total_duration_ms = check_rollups.total_duration_ms + excluded.total_duration_ms,
                   max_duration_ms = CASE WHEN excluded.max_duration_ms > check_rollups.max_duration_ms
                                          THEN excluded.max_duration_ms ELSE check_rollups.max_duration_ms END,
                   %s""".formatted(BUCKETS,
            IntStream.range(0, LatencyBuckets.COUNT).mapToObj(k -> "?").collect(Collectors.joining(", ")),
            IntStream.range(0, LatencyBuckets.COUNT).mapToObj(LatencyBuckets::column)
                    .map(c -> c + " = check_rollups." + c + " + excluded." + c).collect(Collectors.joining(",\n       ")));

    /**
     * Adds the roll-ups in one JDBC batch. Plain JDBC rather than Jdbi's binding: a catch-up folds hundreds of
     * thousands of rows of 39 values, and per-value binding objects were most of its time.
     */
    public void add(Handle handle, Collection<CheckRollup> rollups) {
        if (rollups.isEmpty()) {
            return;
        }
        List<CheckRollup> inKeyOrder = new java.util.ArrayList<>(rollups);
        // In the table's key order, so that the B-tree is written page after page rather than all over.
        inKeyOrder.sort(java.util.Comparator.comparing(CheckRollup::probeId)
                .thenComparing(r -> r.period().column()).thenComparing(CheckRollup::start));
        try (PreparedStatement batch = handle.getConnection().prepareStatement(ADD)) {
            for (CheckRollup r : inKeyOrder) {
                batch.setString(1, r.probeId());
                batch.setString(2, r.period().column());
                batch.setLong(3, r.start().toEpochMilli());
                batch.setInt(4, r.up());
                batch.setInt(5, r.degraded());
                batch.setInt(6, r.down());
                batch.setInt(7, r.skipped());
                batch.setLong(8, r.totalMillis());
                batch.setInt(9, r.maxMillis());
                for (int k = 0; k < LatencyBuckets.COUNT; k++) {
                    batch.setLong(10 + k, r.latency(k));
                }
                batch.addBatch();
            }
            batch.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** A probe's roll-ups of one period that start in [from, to), oldest first. */
    public List<CheckRollup> find(Handle handle, String probeId, RollupPeriod period, Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT * FROM check_rollups WHERE probe_id = :probe AND period = :period
                           AND period_start >= :from AND period_start < :to ORDER BY period_start""")
                .bind("probe", probeId).bind("period", period.column())
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> rollup(rs, period))
                .list();
    }

    /** Every roll-up of a period, for tests and checks: ordered by probe and start. */
    public List<CheckRollup> all(Handle handle, RollupPeriod period) {
        return handle.createQuery("SELECT * FROM check_rollups WHERE period = :period ORDER BY probe_id, period_start")
                .bind("period", period.column())
                .map((rs, ctx) -> rollup(rs, period))
                .list();
    }

    /** Deletes the roll-ups of a period that start before the cutoff; returns how many. */
    public int deleteBefore(Handle handle, RollupPeriod period, Instant cutoff) {
        return handle.createUpdate("DELETE FROM check_rollups WHERE period = :period AND period_start < :cutoff")
                .bind("period", period.column()).bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    private static CheckRollup rollup(ResultSet rs, RollupPeriod period) throws SQLException {
        long[] latency = new long[LatencyBuckets.COUNT];
        for (int k = 0; k < LatencyBuckets.COUNT; k++) {
            latency[k] = rs.getLong(LatencyBuckets.column(k));
        }
        return new CheckRollup(rs.getString("probe_id"), period, Instant.ofEpochMilli(rs.getLong("period_start")),
                rs.getInt("up_count"), rs.getInt("degraded_count"), rs.getInt("down_count"), rs.getInt("skipped_count"),
                rs.getLong("total_duration_ms"), rs.getInt("max_duration_ms"), latency);
    }
}
