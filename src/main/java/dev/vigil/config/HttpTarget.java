package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP probe's request and what a passing answer looks like.
 *
 * @param connectTimeout the TCP (and TLS) connection alone; never longer than the probe's timeout
 * @param maxBodyBytes how much of the response body is read at most; the rest is discarded
 */
public record HttpTarget(URI url, Duration connectTimeout, long maxBodyBytes, Expectation expect)
        implements ProbeTarget {

    public static final String TYPE = "http";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_REDIRECTS = 10;

    /**
     * What a passing check looks like.
     *
     * @param status the expected HTTP status code
     * @param bodyContains null when the body is not checked
     * @param maxLatency null when any latency within the timeout is fine; slower is degraded, not down
     */
    public record Expectation(int status, String bodyContains, Duration maxLatency) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String host() {
        return hostOf(url);
    }

    @Override
    public String shown() {
        return RedactedUrl.of(url);
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", url.toString());
        fields.put("connect_timeout", Durations.format(connectTimeout));
        fields.put("max_body", ByteSizes.format(maxBodyBytes));
        fields.put("expect.status", Integer.toString(expect.status()));
        fields.put("expect.body_contains", expect.bodyContains() == null ? "" : expect.bodyContains());
        fields.put("expect.max_latency", expect.maxLatency() == null ? "" : Durations.format(expect.maxLatency()));
        return fields;
    }

    @Override
    public Map<String, String> shownFields() {
        Map<String, String> fields = fields();
        fields.put("url", shown());
        return fields;
    }

    /** "host:port", with the scheme's default port when the URL has none. */
    public static String hostOf(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }
}
