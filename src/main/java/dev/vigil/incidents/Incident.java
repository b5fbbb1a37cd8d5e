package dev.vigil.incidents;

import java.time.Instant;
import java.util.List;

/**
 * An incident with its updates (newest first) and the ids of the components it affects.
 *
 * @param impactCorrected staff corrected the impact, so the automatic updates leave it alone
 */
public record Incident(
        long id, String name, IncidentStatus status, Impact impact,
        Instant startedAt, Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt,
        String source, List<IncidentUpdate> updates, List<String> componentIds, boolean impactCorrected) {

    public Incident {
        updates = List.copyOf(updates);
        componentIds = List.copyOf(componentIds);
    }

    /**
     * Whether a person chose the impact, opening the incident by hand or correcting it. An automatic
     * incident's own impact only follows its components, whose statuses already say as much.
     */
    public boolean impactSetByStaff() {
        return impactCorrected || !AutoIncidents.SOURCE.equals(source);
    }
}
