package dev.vigil.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A window as staff entered it, already checked.
 *
 * @param description Markdown; may be empty
 * @param rrule the recurrence rule as RFC 5545 writes it; null for a one-off window
 */
record NewMaintenance(String name, String description, List<String> componentIds, Instant start, Instant end,
        String rrule) {

    public NewMaintenance {
        componentIds = List.copyOf(componentIds);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The same window at another time, as the next occurrence of a series. */
    NewMaintenance occurrenceAt(Instant otherStart) {
        return new NewMaintenance(name, description, componentIds, otherStart, otherStart.plus(length()), null);
    }
}
