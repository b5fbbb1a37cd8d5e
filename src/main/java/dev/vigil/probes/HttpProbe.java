package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks a URL with one HTTP GET (HTTP/1.1, certificates verified), following up to
 * {@link dev.vigil.config.HttpTarget#MAX_REDIRECTS} redirects and reading at most {@link dev.vigil.config.HttpTarget#maxBodyBytes()} of the
 * body, all within {@link ProbeConfig#timeout()}. The request is asynchronous: no thread waits for the answer.
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
                    .exceptionally(unexpected -> unexpected(unexpected, scheduledAt, startedAt, startNanos));
        } catch (RuntimeException unexpected) {
            return CompletableFuture.completedFuture(unexpected(unexpected, scheduledAt, startedAt, startNanos));
        }
    }

    /** Runs one check and waits for its result, for callers that have a thread to spare (tests, tools). */
    public CheckResult check(Instant scheduledAt) {
        return start(scheduledAt).join();
    }

    // A probe must report, not throw: the engine would otherwise lose the check altogether.
    private CheckResult unexpected(Throwable failure, Instant scheduledAt, Instant startedAt, long startNanos) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String reason = "request failed: " + Objects.requireNonNullElse(
                cause.getMessage(), cause.getClass().getSimpleName());
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return new CheckResult(config.id(), scheduledAt, startedAt, duration, null,
                Outcome.DOWN, ReasonText.shorten(reason), null);
    }
}
