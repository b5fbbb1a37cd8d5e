package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.TcpTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Checks that a TCP port accepts a connection and, when the probe says so, sends some text and looks for the
 * expected text in what the server answers, all within {@link ProbeConfig#timeout()}. Asynchronous throughout:
 * no thread waits for the target (see {@link SocketCheck}).
 */
public final class TcpProbe implements Probe {
    private final ProbeConfig config;
    private final TcpTarget target;
    private final Clock clock;
    private final HttpClients clients;
    private final HostLookup lookup = new HostLookup();

    /** @param clients shared by the probes that run together; its channel group holds the socket */
    public TcpProbe(ProbeConfig config, Clock clock, HttpClients clients) {
        this.config = Objects.requireNonNull(config, "config");
        this.target = (TcpTarget) config.target();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public CompletableFuture<CheckResult> start(Instant scheduledAt) {
        return new TcpExchange(config, target, scheduledAt, clock.instant())
                .start(new SocketCheck.SocketPlan(lookup, clients, target.hostName(), target.port(),
                        target.connectTimeout()));
    }

    /** Runs one check and waits for its result, for callers that have a thread to spare (tests, tools). */
    public CheckResult check(Instant scheduledAt) {
        return start(scheduledAt).join();
    }
}
