package dev.vigil.outages;

import java.time.Duration;
import java.time.Instant;

/**
 * An outage of one probe.
 *
 * @param startedAt the first failing check
 * @param confirmedAt the check that met failures_to_open
 * @param endedAt the first passing check of the run that closed it; null while open
 */
public record Outage(
        long id, String probeId, String componentId, Instant startedAt, Instant confirmedAt,
        String firstFailureReason, Instant endedAt, Instant recoveryConfirmedAt, Long incidentId) {

    public boolean isOpen() {
        return endedAt == null;
    }

    public Duration timeToDetect() {
        return Duration.between(startedAt, confirmedAt);
    }
}
