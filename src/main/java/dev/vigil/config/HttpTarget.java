package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP probe's request and what a passing answer looks like.
 *
 * @param connectTimeout the TCP (and TLS) connection alone; never longer than the probe's timeout
 * @param maxBodyBytes how much of the response body is read at most; the rest is discarded
 */
public record HttpTarget(URI url, RequestSettings request, Duration connectTimeout, long maxBodyBytes,
        Expectation expect) implements ProbeTarget {

    public static final String TYPE = "http";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_REDIRECTS = 10;

    /** A plain GET that follows redirects, as HTTP probes were before methods, headers and bodies. */
    public HttpTarget(URI url, Duration connectTimeout, long maxBodyBytes, Expectation expect) {
        this(url, RequestSettings.PLAIN_GET, connectTimeout, maxBodyBytes, expect);
    }

    /**
     * What a passing answer looks like. The checks run in this order and the first that fails is the reason.
     *
     * @param bodyContains null when the body is not searched for a text
     * @param bodyMatches null when the body is not matched
     * @param json checks of values in a JSON body, in file order
     * @param headers response header name to the expression its value must match, in file order
     * @param maxLatency null when any latency within the timeout is fine; slower is degraded, not down
     */
    public record Expectation(StatusCodes status, String bodyContains, Regex bodyMatches, List<JsonAssertion> json,
            Map<String, Regex> headers, Duration maxLatency) {

        public Expectation {
            json = List.copyOf(json);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** The expectations a console probe can have: one status, a text in the body, a latency. */
        public Expectation(int status, String bodyContains, Duration maxLatency) {
            this(StatusCodes.single(status), bodyContains, null, List.of(), Map.of(), maxLatency);
        }

        /** Whether nothing beyond what console probes can store is asked for. */
        public boolean isPlain() {
            return status.single().isPresent() && bodyMatches == null && json.isEmpty() && headers.isEmpty();
        }
    }

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

    /** A plain GET with expectations a console probe can store (issue 3). */
    public boolean isPlain() {
        return request.equals(RequestSettings.PLAIN_GET) && expect.isPlain();
    }

    public HttpTarget withUrl(URI other) {
        return new HttpTarget(other, request, connectTimeout, maxBodyBytes, expect);
    }

    @Override
    public Map<String, String> fields() {
        return fields(false);
    }

    @Override
    public Map<String, String> shownFields() {
        return fields(true);
    }

    private Map<String, String> fields(boolean masked) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", masked ? shown() : url.toString());
        RequestFields.put(fields, "", request, masked);
        fields.put("connect_timeout", Durations.format(connectTimeout));
        fields.put("max_body", ByteSizes.format(maxBodyBytes));
        RequestFields.put(fields, "", expect);
        return fields;
    }

    /** As staff see it, secrets masked, so that a log line or an exception message never holds one. */
    @Override
    public String toString() {
        return TYPE + " " + shownFields();
    }

    /** "host:port", with the scheme's default port when the URL has none. */
    public static String hostOf(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }
}
