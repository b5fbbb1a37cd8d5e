package dev.vigil.maintenance;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window with its updates (newest first) and the ids of its components.
 *
 * @param seriesId the first window of its series, which carries the rule; null for a one-off
 * @param rrule the series' rule, on its first window only
 * @param cancelledAt when staff cancelled it; it is then completed
 */
public record Maintenance(
        long id, Long seriesId, String name, String description, Instant scheduledFor, Instant scheduledUntil,
        String rrule, MaintenanceStatus status, Instant cancelledAt, Instant createdAt, Instant updatedAt,
        List<String> componentIds, List<MaintenanceUpdate> updates) {

    public Maintenance {
        componentIds = List.copyOf(componentIds);
        updates = List.copyOf(updates);
    }

    /** When it went in progress; null before that, and for a window cancelled before it began. */
    public Instant startedAt() {
        return enteredAt(MaintenanceStatus.IN_PROGRESS);
    }

    /** When it completed; null before that. */
    public Instant resolvedAt() {
        return enteredAt(MaintenanceStatus.COMPLETED);
    }

    public boolean isRecurring() {
        return seriesId != null;
    }

    private Instant enteredAt(MaintenanceStatus wanted) {
        return updates.stream().filter(u -> u.status() == wanted).map(MaintenanceUpdate::displayAt)
                .reduce((newer, older) -> older).orElse(null);
    }
}
