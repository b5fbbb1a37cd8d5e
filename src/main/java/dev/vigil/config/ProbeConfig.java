package dev.vigil.config;

import java.time.Duration;

/**
 * A probe as declared in the YAML file (or made in the console): the settings every type shares, and its
 * {@link ProbeTarget}.
 *
 * @param timeout the whole check, connection included, must finish within it
 * @param retryInterval how soon a failing probe is checked again while its failure is not yet confirmed, so that
 *     confirming takes seconds rather than whole intervals; never longer than interval
 */
public record ProbeConfig(
        String id,
        String componentId,
        ProbeTarget target,
        Duration interval,
        Duration timeout,
        Duration retryInterval,
        int failuresToOpen,
        int successesToClose,
        ProbeLocations locations) {

    /** The default retry interval: the smaller of the interval and ten seconds. */
    public static Duration defaultRetryInterval(Duration interval) {
        Duration tenSeconds = Duration.ofSeconds(10);
        return interval.compareTo(tenSeconds) < 0 ? interval : tenSeconds;
    }

    public String type() {
        return target.type();
    }

    /** The HTTP target of an HTTP probe. */
    public HttpTarget http() {
        if (target instanceof HttpTarget http) {
            return http;
        }
        throw new IllegalStateException("probe " + id + " is a " + target.type() + " probe, not an HTTP one");
    }

    public boolean isHttp() {
        return target instanceof HttpTarget;
    }
}
