package dev.vigil.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the metrics block: metrics.token, the bearer token a Prometheus scrape must send, usually given as
 * ${VIGIL_METRICS_TOKEN}. Absent or empty leaves /metrics anonymous.
 */
final class MetricsAccessReader {
    private static final List<String> KEYS = List.of("token");
    static final int MIN_TOKEN = 16;
    static final int MAX_TOKEN = 512;
    /** The characters RFC 6750 section 2.1 allows in a bearer token (b64token), so any client can send it. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private MetricsAccessReader() {}

    // The value is a secret, so the messages describe it without repeating it.
    static MetricsAccess read(Section root) {
        return root.mapping("metrics", KEYS).map(metrics -> {
            String token = metrics.optionalText("token");
            if (token == null) {
                return MetricsAccess.ANONYMOUS;
            }
            if (token.length() < MIN_TOKEN || token.length() > MAX_TOKEN || !BEARER_TOKEN.matcher(token).matches()) {
                metrics.complain("token", "must be " + MIN_TOKEN + " to " + MAX_TOKEN + " characters: letters, digits"
                        + " and - . _ ~ + / (with = only at the end), as in a bearer token; it has "
                        + token.length() + " characters");
                return MetricsAccess.ANONYMOUS;
            }
            return new MetricsAccess(token);
        }).orElse(MetricsAccess.ANONYMOUS);
    }
}
