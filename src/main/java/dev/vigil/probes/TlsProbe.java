package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.TlsTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Checks a TLS server's certificate: a handshake (with SNI for a host name) over an asynchronous connection, then
 * the chain judged by {@link CertificateVerdict}: dates, trust, name, days left. No thread waits for the server;
 * the handshake's computations run on the channel group's threads as bytes arrive.
 */
public final class TlsProbe implements Probe {
    private final ProbeConfig config;
    private final TlsTarget target;
    private final Clock clock;
    private final HttpClients clients;
    private final X509TrustManager trust;
    private final HostLookup lookup = new HostLookup();
    private final SSLContext context = TrustedAuthorities.acceptingAnyChain();

    /** With the JVM's trusted authorities; clients are shared by the probes that run together. */
    public TlsProbe(ProbeConfig config, Clock clock, HttpClients clients) {
        this(config, clock, clients, TrustedAuthorities.platform());
    }

    /** @param trust the authorities the certificate must chain to, such as a test's own */
    public TlsProbe(ProbeConfig config, Clock clock, HttpClients clients, X509TrustManager trust) {
        this.config = Objects.requireNonNull(config, "config");
        this.target = (TlsTarget) config.target();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public CompletableFuture<CheckResult> start(Instant scheduledAt) {
        return new TlsExchange(config, target, context, trust, clock, scheduledAt, clock.instant())
                .start(new SocketCheck.SocketPlan(lookup, clients, target.hostName(), target.port(),
                        target.connectTimeout()));
    }

    /** Runs one check and waits for its result, for callers that have a thread to spare (tests, tools). */
    public CheckResult check(Instant scheduledAt) {
        return start(scheduledAt).join();
    }
}
