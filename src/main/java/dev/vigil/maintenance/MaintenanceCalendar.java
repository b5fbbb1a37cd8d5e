package dev.vigil.maintenance;

import dev.vigil.outages.MaintenanceWindows;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Answers one question for outage detection (issue 3): is a component inside a maintenance window
 * at a given moment? By the windows' times, not their stored status, so the answer does not wait
 * for the maintenance job's next run. A cancelled window covers nothing from its cancellation on.
 */
public final class MaintenanceCalendar implements MaintenanceWindows {

    @Override
    public boolean covers(Handle handle, String componentId, Instant at) {
        return handle.createQuery("""
                SELECT COUNT(*) FROM maintenances m
                  JOIN maintenance_components c ON c.maintenance_id = m.id
                 WHERE c.component_id = :component
                   AND m.scheduled_for <= :at AND m.scheduled_until > :at
                   AND (m.cancelled_at IS NULL OR m.cancelled_at > :at)""")
                .bind("component", componentId).bind("at", at.toEpochMilli())
                .mapTo(Long.class).one() > 0;
    }
}
