package dev.vigil.incidents;

import java.time.Instant;
import java.util.List;

/** An incident with its updates (newest first) and the ids of the components it affects. */
public record Incident(
        long id, String name, IncidentStatus status, Impact impact,
        Instant startedAt, Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt,
        String source, List<IncidentUpdate> updates, List<String> componentIds) {

    public Incident {
        updates = List.copyOf(updates);
        componentIds = List.copyOf(componentIds);
    }
}
