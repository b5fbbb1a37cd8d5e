package dev.vigil.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for maintenance windows, their components and their status history. Callers own the transaction. */
public final class MaintenanceStore {

    /**
     * Stores a scheduled window, or nothing when its series already has a window at that start
     * (the unique index decides, so two runs adding the same occurrence add it once).
     *
     * @param seriesId the series it belongs to; null for a one-off or a series' first window
     * @return the new window's id, or empty when it existed
     */
    public Optional<Long> insert(Handle handle, NewMaintenance window, Long seriesId, Instant now) {
        Optional<Long> id = handle.createQuery("""
                INSERT INTO maintenances (series_id, name, description, scheduled_for, scheduled_until, rrule, status,
                                          created_at, updated_at)
                VALUES (:series, :name, :description, :start, :end, :rrule, :status, :now, :now)
                ON CONFLICT (series_id, scheduled_for) DO NOTHING
                RETURNING id""")
                .bind("series", seriesId).bind("name", window.name()).bind("description", window.description())
                .bind("start", window.start().toEpochMilli()).bind("end", window.end().toEpochMilli())
                .bind("rrule", window.rrule()).bind("status", MaintenanceStatus.SCHEDULED.apiName())
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).findOne();
        id.ifPresent(windowId -> {
            for (String componentId : window.componentIds()) {
                handle.createUpdate("INSERT INTO maintenance_components (maintenance_id, component_id) VALUES (:id, :component)")
                        .bind("id", windowId).bind("component", componentId).execute();
            }
        });
        return id;
    }

    /** Makes a window the first of its own series, once it has an id to point to. */
    public void startSeries(Handle handle, long id) {
        handle.createUpdate("UPDATE maintenances SET series_id = id WHERE id = :id").bind("id", id).execute();
    }

    /** No further windows of the series are added; those already stored stay. */
    public void stopSeries(Handle handle, long seriesId, Instant now) {
        handle.createUpdate("""
                UPDATE maintenances SET recurrence_stopped_at = :now
                 WHERE id = :series AND recurrence_stopped_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("series", seriesId).execute();
    }

    /**
     * Moves a window from one status to the next if it is still where the caller saw it
     * (compare-and-set): false when another run moved it first, and the caller then changes nothing.
     */
    public boolean move(Handle handle, long id, MaintenanceStatus from, MaintenanceStatus to, Instant cancelledAt,
            Instant now) {
        return handle.createUpdate("""
                UPDATE maintenances SET status = :to, cancelled_at = :cancelled, updated_at = :now
                 WHERE id = :id AND status = :from""")
                .bind("to", to.apiName()).bind("cancelled", cancelledAt == null ? null : cancelledAt.toEpochMilli())
                .bind("now", now.toEpochMilli()).bind("id", id).bind("from", from.apiName())
                .execute() == 1;
    }

    public void addUpdate(Handle handle, long id, MaintenanceStatus status, String body, Instant displayAt, Instant now) {
        handle.createUpdate("""
                INSERT INTO maintenance_updates (maintenance_id, status, body, display_at, created_at)
                VALUES (:id, :status, :body, :display, :now)""")
                .bind("id", id).bind("status", status.apiName()).bind("body", body)
                .bind("display", displayAt.toEpochMilli()).bind("now", now.toEpochMilli())
                .execute();
    }

    public Optional<Maintenance> find(Handle handle, long id) {
        return load(handle, "SELECT * FROM maintenances WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Windows not yet completed (scheduled, in progress or verifying), soonest first. */
    public List<Maintenance> current(Handle handle) {
        return load(handle, "SELECT * FROM maintenances WHERE status <> 'completed' ORDER BY scheduled_for, id", Map.of());
    }

    /** The windows with the latest starts, upcoming ones included, latest first. */
    public List<Maintenance> latest(Handle handle, int limit) {
        return load(handle, "SELECT * FROM maintenances ORDER BY scheduled_for DESC, id DESC LIMIT :limit",
                Map.of("limit", limit));
    }

    /** The windows last updated (created, moved or cancelled), upcoming ones included; most recently updated first. */
    public List<Maintenance> latestUpdated(Handle handle, int limit) {
        return load(handle, "SELECT * FROM maintenances ORDER BY updated_at DESC, id DESC LIMIT :limit",
                Map.of("limit", limit));
    }

    /** The first windows of series that still add windows. */
    public List<Maintenance> growingSeries(Handle handle) {
        return load(handle, """
                SELECT * FROM maintenances
                 WHERE rrule IS NOT NULL AND recurrence_stopped_at IS NULL AND series_id = id ORDER BY id""", Map.of());
    }

    /** The starts of the series' windows from the given time on, whatever their status. */
    public Set<Instant> startsOfSeries(Handle handle, long seriesId, Instant from) {
        return handle.createQuery("SELECT scheduled_for FROM maintenances WHERE series_id = :series AND scheduled_for >= :from")
                .bind("series", seriesId).bind("from", from.toEpochMilli())
                .mapTo(Long.class).list().stream().map(Instant::ofEpochMilli).collect(Collectors.toSet());
    }

    /** The series' windows not yet completed that start at or after the given time. */
    public List<Maintenance> openOfSeriesFrom(Handle handle, long seriesId, Instant from) {
        return load(handle, """
                SELECT * FROM maintenances
                 WHERE series_id = :series AND status <> 'completed' AND scheduled_for >= :from
                 ORDER BY scheduled_for, id""", Map.of("series", seriesId, "from", from.toEpochMilli()));
    }

    private List<Maintenance> load(Handle handle, String sql, Map<String, Object> params) {
        return handle.createQuery(sql).bindMap(params).map((rs, ctx) -> row(rs)).list().stream()
                .map(row -> row.with(componentIds(handle, row.id()), updates(handle, row.id())))
                .toList();
    }

    private List<String> componentIds(Handle handle, long id) {
        return handle.createQuery(
                        "SELECT component_id FROM maintenance_components WHERE maintenance_id = :id ORDER BY component_id")
                .bind("id", id).mapTo(String.class).list();
    }

    private List<MaintenanceUpdate> updates(Handle handle, long id) {
        return handle.createQuery(
                        "SELECT * FROM maintenance_updates WHERE maintenance_id = :id ORDER BY display_at DESC, id DESC")
                .bind("id", id)
                .map((rs, ctx) -> new MaintenanceUpdate(rs.getLong("id"), id,
                        MaintenanceStatus.fromApiName(rs.getString("status")), rs.getString("body"),
                        instant(rs, "display_at"), instant(rs, "created_at")))
                .list();
    }

    private record Row(long id, Long seriesId, String name, String description, Instant scheduledFor,
            Instant scheduledUntil, String rrule, MaintenanceStatus status, Instant cancelledAt, Instant createdAt,
            Instant updatedAt) {
        Maintenance with(List<String> componentIds, List<MaintenanceUpdate> updates) {
            return new Maintenance(id, seriesId, name, description, scheduledFor, scheduledUntil, rrule, status,
                    cancelledAt, createdAt, updatedAt, componentIds, updates);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long series = rs.getLong("series_id");
        Long seriesId = rs.wasNull() ? null : series;
        return new Row(rs.getLong("id"), seriesId, rs.getString("name"), rs.getString("description"),
                instant(rs, "scheduled_for"), instant(rs, "scheduled_until"), rs.getString("rrule"),
                MaintenanceStatus.fromApiName(rs.getString("status")), instant(rs, "cancelled_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
