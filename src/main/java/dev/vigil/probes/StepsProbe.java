package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.StepsTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a scenario of HTTP requests made one after the other (see {@link StepsTarget}), on the shared HTTP
 * clients, within {@link ProbeConfig#timeout()}. Like {@link HttpProbe}, no thread waits for an answer.
 */
public final class StepsProbe implements Probe {
    private final ProbeConfig config;
    private final StepsTarget target;
    private final Clock clock;
    private final HttpClients clients;

    public StepsProbe(ProbeConfig config, Clock clock, HttpClients clients) {
        this.config = Objects.requireNonNull(config, "config");
        this.target = (StepsTarget) config.target();
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
            return new StepsCheck(config, clients.forConnectTimeout(target.connectTimeout()), scheduledAt, startedAt)
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
