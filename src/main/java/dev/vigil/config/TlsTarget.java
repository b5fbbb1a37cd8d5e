package dev.vigil.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TLS server whose certificate must be valid, trusted and for this host, and not about to expire.
 *
 * @param hostName the name the certificate must be for (also sent as SNI); or an IP address
 * @param certValidDays fewer days left than this is degraded
 */
public record TlsTarget(String hostName, int port, Duration connectTimeout, int certValidDays) implements ProbeTarget {

    public static final String TYPE = "tls";
    public static final int DEFAULT_PORT = 443;
    public static final int DEFAULT_CERT_VALID_DAYS = 14;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String host() {
        return HostNames.withPort(hostName, port);
    }

    @Override
    public String shown() {
        return TYPE + " " + host();
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("host", hostName);
        fields.put("port", Integer.toString(port));
        fields.put("connect_timeout", Durations.format(connectTimeout));
        fields.put("expect.cert_valid_days", Integer.toString(certValidDays));
        return fields;
    }
}
