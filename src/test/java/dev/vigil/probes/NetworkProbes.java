package dev.vigil.probes;

import dev.vigil.config.DnsTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import dev.vigil.config.ProbeTarget;
import dev.vigil.config.TcpTarget;
import dev.vigil.config.TlsTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Probes of the tcp, tls and dns types with test-friendly settings. */
final class NetworkProbes {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private NetworkProbes() {}

    static ProbeConfig config(ProbeTarget target, Duration timeout) {
        return new ProbeConfig("probe", "service", target, Duration.ofMinutes(1), timeout, Duration.ofSeconds(10), 2, 2,
                ProbeLocations.SERVER_ONLY);
    }

    static CheckResult tcp(int port, String send, String expectReceive) {
        return tcp(port, send, expectReceive, TIMEOUT);
    }

    static CheckResult tcp(int port, String send, String expectReceive, Duration timeout) {
        TcpTarget target = new TcpTarget("127.0.0.1", port, CONNECT_TIMEOUT, send, expectReceive);
        try (HttpClients clients = new HttpClients()) {
            return new TcpProbe(config(target, timeout), Clock.systemUTC(), clients).check(Instant.now());
        }
    }

    static ProbeConfig tls(String host, int port, int certValidDays) {
        return config(new TlsTarget(host, port, CONNECT_TIMEOUT, certValidDays), TIMEOUT);
    }

    static ProbeConfig dns(String name, String record, int resolverPort, List<String> answers) {
        return config(new DnsTarget(name, record, "127.0.0.1", resolverPort, answers), TIMEOUT);
    }

    /** A loopback port that nothing listens on (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
