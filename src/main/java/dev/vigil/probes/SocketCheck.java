package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a probe that opens a TCP connection (tcp, tls): the host's address, the connection, then the
 * type's own exchange, all within the probe's timeout. Each step runs when the previous one answers, on the
 * threads of the shared channel group ({@link HttpClients#socketGroup()}, which only run completion handlers) or of the lookup,
 * so no thread waits for the target. The connection is closed when the check ends, also on a timeout.
 */
abstract class SocketCheck {
    enum Stage { LOOKUP, CONNECT, EXCHANGE }

    private final ProbeConfig config;
    private final Instant scheduledAt;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private volatile Stage stage = Stage.LOOKUP;
    private volatile AsynchronousSocketChannel channel;
    private volatile Duration connectTimeout;
    private volatile String host;
    private volatile boolean finished;

    SocketCheck(ProbeConfig config, Instant scheduledAt, Instant startedAt) {
        this.config = config;
        this.scheduledAt = scheduledAt;
        this.startedAt = startedAt;
    }

    /** What the connection is for, once it is open; completes with the verdict or fails with what went wrong. */
    abstract CompletableFuture<Verdict> exchange(AsynchronousSocketChannel channel);

    /** The reason when the probe's timeout ran out during the exchange. */
    abstract String exchangeTimedOut();

    /** The reason for a failure during the exchange that is not a plain socket error. */
    String exchangeFailed(Throwable cause) {
        return SocketReasons.describe(cause);
    }

    /** Where and how to connect: the probe's lookup and shared clients, and its target. */
    record SocketPlan(HostLookup lookup, HttpClients clients, String host, int port, Duration connectTimeout) {}

    /** The future completes with the result, never exceptionally. */
    final CompletableFuture<CheckResult> start(SocketPlan plan) {
        this.connectTimeout = plan.connectTimeout();
        this.host = plan.host();
        CompletableFuture<Verdict> run;
        try {
            run = plan.lookup().addressOf(plan.host())
                    .thenCompose(address -> connect(plan.clients(), new InetSocketAddress(address, plan.port()),
                            plan.connectTimeout()))
                    .thenCompose(this::exchange);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        return run.exceptionally(this::failed)
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timedOut -> timedOut())
                .thenApply(this::result)
                .whenComplete((result, never) -> close());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private CompletableFuture<AsynchronousSocketChannel> connect(HttpClients clients, InetSocketAddress address,
            Duration limit) {
        stage = Stage.CONNECT;
        AsynchronousSocketChannel opened;
        try {
            opened = AsynchronousSocketChannel.open(clients.socketGroup());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        channel = opened;
        // A lookup that answers after the timeout must not leave a connection open that nothing will close.
        if (finished) {
            ChannelFutures.closeQuietly(opened);
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        return ChannelFutures.connect(opened, address)
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(connected -> {
                    stage = Stage.EXCHANGE;
                    return opened;
                });
    }

    private Verdict failed(Throwable failure) {
        Throwable cause = Failures.rootOf(failure);
        if (cause instanceof HostLookup.NoAddress) {
            return Verdict.down(cause.getMessage());
        }
        if (stage == Stage.CONNECT && cause instanceof TimeoutException) {
            return Verdict.down("no connection within " + ReasonText.seconds(connectTimeout));
        }
        if (stage == Stage.EXCHANGE) {
            return Verdict.down(exchangeFailed(cause));
        }
        return Verdict.down(SocketReasons.describe(cause));
    }

    private Verdict timedOut() {
        return Verdict.down(switch (stage) {
            case LOOKUP -> "DNS lookup for " + host + " took longer than " + timeoutText();
            case CONNECT -> "no connection within " + timeoutText();
            case EXCHANGE -> exchangeTimedOut();
        });
    }

    String timeoutText() {
        return ReasonText.seconds(config.timeout());
    }

    private CheckResult result(Verdict verdict) {
        return new CheckResult(config.id(), scheduledAt, startedAt, elapsed(), null, verdict.outcome(),
                ReasonText.shorten(verdict.reason()), null);
    }

    private void close() {
        finished = true;
        AsynchronousSocketChannel opened = channel;
        if (opened != null) {
            ChannelFutures.closeQuietly(opened);
        }
    }
}
