package dev.vigil.uptime;

import dev.vigil.components.ComponentStatus;
import java.time.Duration;
import java.time.LocalDate;

/**
 * One day of one component.
 *
 * @param observed how long Vigil was watching that day; zero means no data
 * @param uptime from 0 to 1, or null when there is no data
 * @param worst the worst status seen while watching
 */
public record DayUptime(
        LocalDate date, Duration observed, Double uptime,
        Duration majorOutage, Duration partialOutage, Duration degraded, ComponentStatus worst) {

    public boolean hasData() {
        return uptime != null;
    }
}
