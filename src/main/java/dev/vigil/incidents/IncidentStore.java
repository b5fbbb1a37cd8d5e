package dev.vigil.incidents;

import dev.vigil.components.ComponentStatus;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for incidents, their updates and affected components. Callers own the transaction. */
public final class IncidentStore {

    /** What a new incident starts with. autoComponentId is set for incidents opened by outages. */
    public record NewIncident(String name, IncidentStatus status, Impact impact, Instant startedAt, Instant createdAt,
            String source, String autoComponentId) {}

    public long create(Handle handle, NewIncident n) {
        return handle.createQuery("""
                INSERT INTO incidents (name, status, impact, started_at, created_at, updated_at, source, auto_component_id)
                VALUES (:name, :status, :impact, :started, :created, :created, :source, :auto) RETURNING id""")
                .bind("name", n.name()).bind("status", n.status().apiName()).bind("impact", n.impact().apiName())
                .bind("started", n.startedAt().toEpochMilli()).bind("created", n.createdAt().toEpochMilli())
                .bind("source", n.source()).bind("auto", n.autoComponentId())
                .mapTo(Long.class).one();
    }

    public void addComponent(Handle handle, long incidentId, String componentId) {
        boolean present = handle.createQuery(
                        "SELECT COUNT(*) FROM incident_components WHERE incident_id = :incident AND component_id = :component")
                .bind("incident", incidentId).bind("component", componentId).mapTo(Integer.class).one() > 0;
        if (!present) {
            handle.createUpdate("INSERT INTO incident_components (incident_id, component_id) VALUES (:incident, :component)")
                    .bind("incident", incidentId).bind("component", componentId).execute();
        }
    }

    /**
     * Appends an update and moves the incident to the update's status. A resolved update to an
     * incident already resolved is a follow-up: the incident keeps the time it was resolved.
     */
    public long addUpdate(Handle handle, long incidentId, IncidentStatus status, String body, Instant displayAt,
            Instant now, List<AffectedComponent> affected) {
        long updateId = handle.createQuery("""
                INSERT INTO incident_updates (incident_id, status, body, display_at, created_at, updated_at)
                VALUES (:incident, :status, :body, :display, :now, :now) RETURNING id""")
                .bind("incident", incidentId).bind("status", status.apiName()).bind("body", body)
                .bind("display", displayAt.toEpochMilli()).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
        for (AffectedComponent a : affected) {
            handle.createUpdate("""
                    INSERT INTO incident_update_components (update_id, component_id, old_status, new_status)
                    VALUES (:update, :component, :old, :new)""")
                    .bind("update", updateId).bind("component", a.componentId())
                    .bind("old", a.oldStatus().apiName()).bind("new", a.newStatus().apiName()).execute();
        }
        handle.createUpdate("""
                UPDATE incidents SET status = :status, updated_at = :now,
                       monitoring_at = CASE WHEN :status = 'monitoring' AND monitoring_at IS NULL THEN :display ELSE monitoring_at END,
                       resolved_at = CASE WHEN :status = 'resolved' AND resolved_at IS NULL THEN :display ELSE resolved_at END,
                       auto_component_id = CASE WHEN :status = 'resolved' THEN NULL ELSE auto_component_id END
                 WHERE id = :incident""")
                .bind("status", status.apiName()).bind("now", now.toEpochMilli())
                .bind("display", displayAt.toEpochMilli()).bind("incident", incidentId).execute();
        return updateId;
    }

    /** The open automatic incident of a component, if there is one. */
    public Optional<Long> openAutoIncidentOf(Handle handle, String componentId) {
        return handle.createQuery("SELECT id FROM incidents WHERE auto_component_id = :component")
                .bind("component", componentId).mapTo(Long.class).findOne();
    }

    /** The incident, unless it was merged into another (then it is gone from every view). */
    public Optional<Incident> find(Handle handle, long id) {
        return load(handle, "SELECT * FROM incidents WHERE id = :id AND merged_into_id IS NULL", Map.of("id", id))
                .stream().findFirst();
    }

    /** Incidents not yet resolved, newest first. */
    public List<Incident> unresolved(Handle handle) {
        return load(handle, """
                SELECT * FROM incidents WHERE resolved_at IS NULL AND merged_into_id IS NULL
                 ORDER BY started_at DESC, id DESC""", Map.of());
    }

    /** Incidents that started or were resolved since the given time, or are still open; newest first. */
    public List<Incident> since(Handle handle, Instant since, int limit) {
        return load(handle, """
                SELECT * FROM incidents
                 WHERE (started_at >= :since OR resolved_at >= :since OR resolved_at IS NULL) AND merged_into_id IS NULL
                 ORDER BY started_at DESC, id DESC LIMIT :limit""",
                Map.of("since", since.toEpochMilli(), "limit", limit));
    }

    /** The incidents last updated, resolved ones included, merged ones not; most recently updated first. */
    public List<Incident> latestUpdated(Handle handle, int limit) {
        return load(handle, """
                SELECT * FROM incidents WHERE merged_into_id IS NULL
                 ORDER BY updated_at DESC, id DESC LIMIT :limit""", Map.of("limit", limit));
    }

    private List<Incident> load(Handle handle, String sql, Map<String, Object> binds) {
        var query = handle.createQuery(sql);
        binds.forEach(query::bind);
        List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
        List<Incident> incidents = new ArrayList<>();
        for (Row row : rows) {
            incidents.add(new Incident(row.id, row.name, row.status, row.impact, row.startedAt, row.createdAt,
                    row.updatedAt, row.monitoringAt, row.resolvedAt, row.source,
                    updates(handle, row.id), componentIds(handle, row.id), row.impactCorrected));
        }
        return incidents;
    }

    private List<IncidentUpdate> updates(Handle handle, long incidentId) {
        Map<Long, List<AffectedComponent>> affected = new HashMap<>();
        handle.createQuery("""
                SELECT a.* FROM incident_update_components a JOIN incident_updates u ON u.id = a.update_id
                 WHERE u.incident_id = :incident ORDER BY a.component_id""")
                .bind("incident", incidentId)
                .map((rs, ctx) -> Map.entry(rs.getLong("update_id"), new AffectedComponent(rs.getString("component_id"),
                        ComponentStatus.fromApiName(rs.getString("old_status")),
                        ComponentStatus.fromApiName(rs.getString("new_status")))))
                .forEach(e -> affected.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("SELECT * FROM incident_updates WHERE incident_id = :incident ORDER BY display_at DESC, id DESC")
                .bind("incident", incidentId)
                .map((rs, ctx) -> new IncidentUpdate(rs.getLong("id"), incidentId,
                        IncidentStatus.fromApiName(rs.getString("status")), rs.getString("body"),
                        instant(rs, "display_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                        affected.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private List<String> componentIds(Handle handle, long incidentId) {
        return handle.createQuery("SELECT component_id FROM incident_components WHERE incident_id = :incident ORDER BY component_id")
                .bind("incident", incidentId).mapTo(String.class).list();
    }

    private record Row(long id, String name, IncidentStatus status, Impact impact, Instant startedAt, Instant createdAt,
            Instant updatedAt, Instant monitoringAt, Instant resolvedAt, String source, boolean impactCorrected) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), IncidentStatus.fromApiName(rs.getString("status")),
                Impact.fromApiName(rs.getString("impact")), instant(rs, "started_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "monitoring_at"), instant(rs, "resolved_at"), rs.getString("source"),
                instant(rs, "impact_corrected_at") != null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
