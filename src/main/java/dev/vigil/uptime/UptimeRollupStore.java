package dev.vigil.uptime;

import dev.vigil.components.ComponentStatus;
import dev.vigil.uptime.UptimeCalculator.Share;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for uptime_rollups: each component's watched time and outages per hour and per day. Callers own the transaction. */
final class UptimeRollupStore {
    static final String HOUR = "hour";
    static final String DAY = "day";

    private static final ComponentStatus[] BY_SEVERITY = new ComponentStatus[ComponentStatus.values().length];

    static {
        for (ComponentStatus status : ComponentStatus.values()) {
            BY_SEVERITY[status.severity()] = status;
        }
    }

    /** One stored row: a component's share of one hour or day. */
    record Row(String componentId, Instant start, Share share) {}

    /** Deletes the rows of the period that start in [from, to). */
    void delete(Handle handle, String period, Instant from, Instant to) {
        handle.createUpdate("DELETE FROM uptime_rollups WHERE period = :period AND period_start >= :from AND period_start < :to")
                .bind("period", period).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).execute();
    }

    void insert(Handle handle, String period, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO uptime_rollups (component_id, period, period_start, observed_ms, major_ms, partial_ms,
                                            degraded_ms, worst_severity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        for (Row row : rows) {
            Share s = row.share();
            batch.bind(0, row.componentId()).bind(1, period).bind(2, row.start().toEpochMilli())
                    .bind(3, s.observed().toMillis()).bind(4, s.majorOutage().toMillis())
                    .bind(5, s.partialOutage().toMillis()).bind(6, s.degraded().toMillis())
                    .bind(7, s.worst().severity()).add();
        }
        batch.execute();
    }

    /** Replaces the day's rows by the sums of its hours. */
    void sumDay(Handle handle, Instant day, Instant nextDay) {
        delete(handle, DAY, day, nextDay);
        handle.createUpdate("""
                INSERT INTO uptime_rollups (component_id, period, period_start, observed_ms, major_ms, partial_ms,
                                            degraded_ms, worst_severity)
                SELECT component_id, 'day', :day, SUM(observed_ms), SUM(major_ms), SUM(partial_ms), SUM(degraded_ms),
                       MAX(worst_severity)
                  FROM uptime_rollups
                 WHERE period = 'hour' AND period_start >= :day AND period_start < :next
                 GROUP BY component_id""")
                .bind("day", day.toEpochMilli()).bind("next", nextDay.toEpochMilli()).execute();
    }

    /** The rows of the period that start at or after from, by component id. */
    Map<String, List<Row>> since(Handle handle, String period, Instant from) {
        return handle.createQuery("""
                        SELECT component_id, period_start, observed_ms, major_ms, partial_ms, degraded_ms, worst_severity
                          FROM uptime_rollups WHERE period = :period AND period_start >= :from""")
                .bind("period", period).bind("from", from.toEpochMilli())
                .reduceResultSet(new java.util.HashMap<String, List<Row>>(), (rows, rs, ctx) -> {
                    Row row = new Row(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), new Share(
                            Duration.ofMillis(rs.getLong(3)), Duration.ofMillis(rs.getLong(4)),
                            Duration.ofMillis(rs.getLong(5)), Duration.ofMillis(rs.getLong(6)),
                            BY_SEVERITY[rs.getInt(7)]));
                    rows.computeIfAbsent(row.componentId(), k -> new java.util.ArrayList<>()).add(row);
                    return rows;
                });
    }
}
