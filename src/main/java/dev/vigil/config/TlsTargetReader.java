package dev.vigil.config;

import java.time.Duration;
import java.util.List;

/** The keys of a tls probe: the server, and how many days its certificate must have left. */
final class TlsTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("host", "port", "connect_timeout", "expect");
    static final List<String> EXPECT_KEYS = List.of("cert_valid_days");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        String host = HostNames.readHost(probe, "host");
        int port = TcpTargetReader.port(probe, TlsTarget.DEFAULT_PORT);
        Duration connectTimeout = HttpTargetReader.connectTimeout(probe, timeout);
        int days = probe.mapping("expect", EXPECT_KEYS)
                .map(expect -> expect.wholeNumber("cert_valid_days", TlsTarget.DEFAULT_CERT_VALID_DAYS, 0, 365))
                .orElse(TlsTarget.DEFAULT_CERT_VALID_DAYS);
        return host == null || port == 0 || connectTimeout == null
                ? null : new TlsTarget(host, port, connectTimeout, days);
    }
}
