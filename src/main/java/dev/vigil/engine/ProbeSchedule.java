package dev.vigil.engine;

import dev.vigil.probes.Probe;
import java.time.Duration;

/**
 * One probe as the engine runs it: checked every interval, first after firstDelay; while it is failing but its
 * failure is not yet confirmed, again after retryInterval instead.
 *
 * @param host "host:port" of the target, which the per-host limit counts by (redirects elsewhere are not counted)
 * @param timeout the probe's own timeout; the engine gives up on a check that outlives it by far
 * @param failuresToConfirm how many failed checks in a row confirm a failure; retries stop there
 */
public record ProbeSchedule(Probe probe, String host, Duration interval, Duration timeout, Duration firstDelay,
        Duration retryInterval, int failuresToConfirm) {

    public ProbeSchedule {
        if (interval.isZero() || interval.isNegative() || retryInterval.isZero() || retryInterval.isNegative()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
    }

    /** A probe that is never retried sooner than its interval. */
    public ProbeSchedule(Probe probe, String host, Duration interval, Duration timeout, Duration firstDelay) {
        this(probe, host, interval, timeout, firstDelay, interval, 1);
    }

    public String id() {
        return probe.id();
    }
}
