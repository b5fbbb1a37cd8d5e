package dev.vigil.engine;

import dev.vigil.probes.Probe;
import java.time.Duration;

/**
 * One probe as the engine runs it: checked every interval, first after firstDelay.
 *
 * @param host "host:port" of the target, which the per-host limit counts by (redirects elsewhere are not counted)
 * @param timeout the probe's own timeout; the engine gives up on a check that outlives it by far
 */
public record ProbeSchedule(Probe probe, String host, Duration interval, Duration timeout, Duration firstDelay) {

    public ProbeSchedule {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    public String id() {
        return probe.id();
    }
}
