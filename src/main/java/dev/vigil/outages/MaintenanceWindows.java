package dev.vigil.outages;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The one question outage detection asks about maintenance: is this component inside a window at
 * this moment? The maintenance feature answers it; outages do not import maintenance.
 */
public interface MaintenanceWindows {
    boolean covers(Handle handle, String componentId, Instant at);
}
