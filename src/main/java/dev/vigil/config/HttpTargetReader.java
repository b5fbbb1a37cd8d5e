package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The keys of an HTTP probe: the URL and how it is asked for, the connection and body limits, and what a passing
 * answer looks like.
 */
final class HttpTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("url", "method", "headers", "body", "auth", "follow_redirects",
            "connect_timeout", "max_body", "expect");

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIN_BODY_BYTES = 1024;
    private static final long MAX_BODY_BYTES = 64 * 1024 * 1024;

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        URI url = probe.httpUrl("url");
        RequestSettings request = RequestReader.read(probe);
        Duration connectTimeout = connectTimeout(probe, timeout);
        long maxBody = maxBody(probe);
        HttpTarget.Expectation expect = ExpectationReader.read(probe, timeout);
        return url == null || connectTimeout == null ? null
                : new HttpTarget(url, request, connectTimeout, maxBody, expect);
    }

    /** Also the tcp and tls probes' connect_timeout: the same default and rules. */
    static Duration connectTimeout(Section probe, Duration timeout) {
        Duration defaultTimeout = timeout == null ? DEFAULT_CONNECT_TIMEOUT : Durations.shorterOf(DEFAULT_CONNECT_TIMEOUT, timeout);
        Duration connectTimeout = probe.duration("connect_timeout", defaultTimeout);
        if (connectTimeout == null) {
            return null;
        }
        // The HTTP client refuses a zero connect timeout, so it is caught here rather than at the first check.
        if (connectTimeout.isZero()) {
            probe.reject("connect_timeout", "must be longer than 0");
            return null;
        }
        if (timeout != null && connectTimeout.compareTo(timeout) > 0) {
            probe.reject("connect_timeout", "must not be longer than the timeout (" + Durations.format(timeout) + ")");
            return null;
        }
        return connectTimeout;
    }

    static long maxBody(Section probe) {
        long maxBody = probe.byteSize("max_body", HttpTarget.DEFAULT_MAX_BODY_BYTES);
        if (maxBody < MIN_BODY_BYTES || maxBody > MAX_BODY_BYTES) {
            probe.reject("max_body", "must be between 1KiB and 64MiB");
        }
        return maxBody;
    }
}
