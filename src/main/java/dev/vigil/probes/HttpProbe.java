package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks a URL with one HTTP GET (HTTP/1.1, certificates verified), following up to
 * {@link ProbeConfig#MAX_REDIRECTS} redirects and reading at most {@link ProbeConfig#maxBodyBytes()} of the
 * body, all within {@link ProbeConfig#timeout()}.
 */
public final class HttpProbe implements Probe {
    private final ProbeConfig config;
    private final Clock clock;
    private final HttpClients clients;

    /** For a probe on its own; probes running together should share an {@link HttpClients}. */
    public HttpProbe(ProbeConfig config, Clock clock) {
        this(config, clock, new HttpClients());
    }

    public HttpProbe(ProbeConfig config, Clock clock, HttpClients clients) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public CheckResult check(Instant scheduledAt) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        try {
            return new HttpCheck(config, clients.forConnectTimeout(config.connectTimeout()), scheduledAt, startedAt)
                    .run();
        } catch (RuntimeException unexpected) {
            // A probe must report, not throw: the scheduler would otherwise lose the check altogether.
            String reason = "request failed: " + Objects.requireNonNullElse(
                    unexpected.getMessage(), unexpected.getClass().getSimpleName());
            Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
            return new CheckResult(config.id(), scheduledAt, startedAt, duration, null,
                    Outcome.DOWN, ReasonText.shorten(reason), null);
        }
    }
}
