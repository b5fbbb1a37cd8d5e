package dev.vigil.incidents;

import dev.vigil.components.ComponentStatus;
import java.time.Instant;
import java.util.List;

/** One update of an incident; body is Markdown. */
public record IncidentUpdate(
        long id, long incidentId, IncidentStatus status, String body,
        Instant displayAt, Instant createdAt, Instant updatedAt, List<AffectedComponent> affectedComponents) {

    public IncidentUpdate {
        affectedComponents = List.copyOf(affectedComponents);
    }

    /** A component whose status this update changed. */
    public record AffectedComponent(String componentId, ComponentStatus oldStatus, ComponentStatus newStatus) {}
}
