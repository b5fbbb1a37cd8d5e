package dev.vigil.metrics;

import dev.vigil.db.Database;
import dev.vigil.metrics.ActionItemFigures.ItemFacts;
import dev.vigil.metrics.MetricsReport.ComponentRepeat;
import dev.vigil.metrics.MetricsReport.IncidentFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The reads behind the metrics page, all in one read transaction so the figures agree with each
 * other. Only plain SELECTs with MIN, COUNT and GROUP BY, so they run the same on SQLite and
 * PostgreSQL; percentiles are computed in Java ({@link Distribution}). Merged incidents are left
 * out: their outages and components moved to the incident they were merged into.
 */
public final class MetricsQueries {
    private final Database database;

    public MetricsQueries(Database database) {
        this.database = database;
    }

    /** The figures for the window ending now. */
    public MetricsReport report(Window window, ZoneId zone, Instant now) {
        Instant from = window.start(now.atZone(zone).toLocalDate(), zone);
        return database.read(handle -> MetricsReport.compute(window, zone, now, incidents(handle, from, now),
                repeats(handle, from, now), items(handle, from)));
    }

    /** Incidents that started in the window, each with its earliest outage's first failure and confirmation. */
    private static List<IncidentFacts> incidents(Handle handle, Instant from, Instant until) {
        return handle.createQuery("""
                SELECT i.id, i.started_at, i.created_at, i.resolved_at,
                       MIN(o.started_at) AS first_failure, MIN(o.confirmed_at) AS first_confirmed
                  FROM incidents i LEFT JOIN outages o ON o.incident_id = i.id
                 WHERE i.merged_into_id IS NULL AND i.started_at >= :from AND i.started_at <= :until
                 GROUP BY i.id, i.started_at, i.created_at, i.resolved_at
                 ORDER BY i.started_at, i.id""")
                .bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new IncidentFacts(rs.getLong("id"), instant(rs, "started_at"),
                        instant(rs, "created_at"), instant(rs, "resolved_at"), instant(rs, "first_failure"),
                        instant(rs, "first_confirmed")))
                .list();
    }

    /** Components with more than one incident that started in the window; most incidents first. */
    private static List<ComponentRepeat> repeats(Handle handle, Instant from, Instant until) {
        return handle.createQuery("""
                SELECT c.id, c.name, COUNT(*) AS incidents
                  FROM incident_components ic
                  JOIN incidents i ON i.id = ic.incident_id
                  JOIN components c ON c.id = ic.component_id
                 WHERE i.merged_into_id IS NULL AND i.started_at >= :from AND i.started_at <= :until
                 GROUP BY c.id, c.name
                HAVING COUNT(*) > 1
                 ORDER BY COUNT(*) DESC, c.name""")
                .bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new ComponentRepeat(rs.getString("id"), rs.getString("name"), rs.getInt("incidents")))
                .list();
    }

    /**
     * Action items still open, and those completed since the window began; deleted items and the
     * items of deleted postmortems are not counted.
     */
    private static List<ItemFacts> items(Handle handle, Instant from) {
        return handle.createQuery("""
                SELECT a.status, a.priority, a.due_on, a.created_at, a.completed_at
                  FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
                 WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND (a.status IN ('open', 'in_progress', 'blocked') OR a.completed_at >= :from)""")
                .bind("from", from.toEpochMilli())
                .map((rs, ctx) -> new ItemFacts(rs.getString("status"), rs.getString("priority"),
                        LocalDate.parse(rs.getString("due_on")), instant(rs, "created_at"), instant(rs, "completed_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
