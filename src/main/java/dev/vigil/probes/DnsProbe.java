package dev.vigil.probes;

import dev.vigil.config.DnsTarget;
import dev.vigil.config.ProbeConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one DNS question (the name and record type) of the probe's resolver, or of the system's resolvers (those
 * of /etc/resolv.conf), and judges the answer with {@link DnsAnswers}. dnsjava's asynchronous resolver sends it:
 * its one selector thread serves every query, so no thread waits for an answer.
 */
public final class DnsProbe implements Probe {
    private final ProbeConfig config;
    private final DnsTarget target;
    private final Clock clock;
    // Made at the first check: the system's resolvers are read from /etc/resolv.conf.
    private Resolver resolver;

    public DnsProbe(ProbeConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.target = (DnsTarget) config.target();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public CompletableFuture<CheckResult> start(Instant scheduledAt) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        CompletableFuture<Verdict> answered;
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(target.name()),
                    Type.value(target.record()), DClass.IN));
            answered = resolver().sendAsync(query).toCompletableFuture()
                    .thenApply(answer -> DnsAnswers.verdict(target, answer));
        } catch (TextParseException | UnknownHostException | RuntimeException e) {
            answered = CompletableFuture.failedFuture(e);
        }
        return answered
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(this::failed)
                .thenApply(verdict -> new CheckResult(config.id(), scheduledAt, startedAt,
                        Duration.ofNanos(System.nanoTime() - startNanos), null, verdict.outcome(),
                        ReasonText.shorten(verdict.reason()), null));
    }

    /** Runs one check and waits for its result, for callers that have a thread to spare (tests, tools). */
    public CheckResult check(Instant scheduledAt) {
        return start(scheduledAt).join();
    }

    private synchronized Resolver resolver() throws UnknownHostException {
        if (resolver == null) {
            Resolver made = target.resolverHost() == null ? new ExtendedResolver()
                    // An IP literal (the configuration allows nothing else): parsed, not looked up.
                    : new SimpleResolver(new InetSocketAddress(InetAddress.getByName(target.resolverHost()),
                            target.resolverPort()));
            made.setTimeout(config.timeout());
            resolver = made;
        }
        return resolver;
    }

    private Verdict failed(Throwable failure) {
        Throwable cause = Failures.rootOf(failure);
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                || message.contains("timed out") || message.contains("timeout")) {
            return Verdict.down(asked() + " did not answer within " + ReasonText.seconds(config.timeout()));
        }
        if (cause instanceof PortUnreachableException) {
            return Verdict.down(asked() + " is not listening (port unreachable)");
        }
        return Verdict.down("query to " + asked() + " failed: " + SocketReasons.describe(cause));
    }

    private String asked() {
        return target.resolverHost() == null ? "the system's resolvers" : "resolver " + target.resolver();
    }
}
