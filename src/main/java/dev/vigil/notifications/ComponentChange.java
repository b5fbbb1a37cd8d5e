package dev.vigil.notifications;

import dev.vigil.components.ComponentStatus;
import java.time.Instant;

/** A row of component_status_changes, with the id the history job follows. from is null for a new component. */
record ComponentChange(long id, String componentId, Instant at, ComponentStatus from, ComponentStatus to,
        String reason) {

    /** Whether subscribers hear of it: a real change of status, not a component appearing. */
    public boolean isNews() {
        return from != null && from != to;
    }
}
