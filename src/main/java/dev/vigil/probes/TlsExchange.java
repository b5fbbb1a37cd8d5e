package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.TlsTarget;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509TrustManager;

/** A tls probe's exchange once connected: the handshake, then the verdict on the chain the server sent. */
final class TlsExchange extends SocketCheck {
    private final TlsTarget target;
    private final SSLContext context;
    private final X509TrustManager trust;
    private final Clock clock;

    TlsExchange(ProbeConfig config, TlsTarget target, SSLContext context, X509TrustManager trust, Clock clock,
            Instant scheduledAt, Instant startedAt) {
        super(config, scheduledAt, startedAt);
        this.target = target;
        this.context = context;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    CompletableFuture<Verdict> exchange(AsynchronousSocketChannel channel) {
        SSLEngine engine = context.createSSLEngine(target.hostName(), target.port());
        engine.setUseClientMode(true);
        if (!isIpAddress(target.hostName())) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(target.hostName())));
            engine.setSSLParameters(parameters);
        }
        return new TlsHandshake(channel, engine).run()
                .thenApply(server -> CertificateVerdict.of(server.chain(), server.authType(), target.hostName(),
                        clock.instant(), target.certValidDays(), trust));
    }

    @Override
    String exchangeTimedOut() {
        return "no TLS handshake within " + timeoutText();
    }

    @Override
    String exchangeFailed(Throwable cause) {
        if (cause instanceof SSLException) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("unrecognized ssl message") || message.contains("plaintext")) {
                return "TLS handshake failed: the server does not speak TLS on this port";
            }
            return "TLS handshake failed: " + cause.getMessage();
        }
        return SocketReasons.describe(cause).replace("connection closed by the server",
                "connection closed during the TLS handshake");
    }

    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
