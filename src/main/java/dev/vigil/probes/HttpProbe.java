package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a URL with one HTTP request (HTTP/1.1, certificates verified; GET unless the probe names a method),
 * following up to {@link dev.vigil.config.HttpTarget#MAX_REDIRECTS} redirects unless told not to and reading at most
 * {@link dev.vigil.config.HttpTarget#maxBodyBytes()} of the body, all within {@link ProbeConfig#timeout()}. The
 * request is asynchronous: no thread waits for the answer.
 */
public final class HttpProbe implements Probe {
    private final ProbeConfig config;
    private final Clock clock;
    private final HttpClients clients;

    /** Probes running together share one {@link HttpClients}. */
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
    public CompletableFuture<CheckResult> start(Instant scheduledAt) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        try {
            return new HttpCheck(config, clients.forConnectTimeout(config.http().connectTimeout()), scheduledAt, startedAt)
                    .start()
                    .exceptionally(unexpected -> CheckResults.unexpected(config.id(), unexpected, scheduledAt,
                            startedAt, startNanos));
        } catch (RuntimeException unexpected) {
            return CompletableFuture.completedFuture(
                    CheckResults.unexpected(config.id(), unexpected, scheduledAt, startedAt, startNanos));
        }
    }

    /** Runs one check and waits for its result, for callers that have a thread to spare (tests, tools). */
    public CheckResult check(Instant scheduledAt) {
        return start(scheduledAt).join();
    }
}
