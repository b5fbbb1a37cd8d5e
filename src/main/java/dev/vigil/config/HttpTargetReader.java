package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The keys of an HTTP probe: the URL, the connection and body limits, and what a passing answer looks like. */
final class HttpTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("url", "connect_timeout", "max_body", "expect");
    static final List<String> EXPECT_KEYS = List.of("status", "body_contains", "max_latency");

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIN_BODY_BYTES = 1024;
    private static final long MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final HttpTarget.Expectation DEFAULT_EXPECTATION = new HttpTarget.Expectation(200, null, null);

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        URI url = probe.httpUrl("url");
        Duration connectTimeout = connectTimeout(probe, timeout);
        long maxBody = maxBody(probe);
        HttpTarget.Expectation expect = expectation(probe, timeout);
        return url == null || connectTimeout == null ? null : new HttpTarget(url, connectTimeout, maxBody, expect);
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

    private static long maxBody(Section probe) {
        long maxBody = probe.byteSize("max_body", HttpTarget.DEFAULT_MAX_BODY_BYTES);
        if (maxBody < MIN_BODY_BYTES || maxBody > MAX_BODY_BYTES) {
            probe.reject("max_body", "must be between 1KiB and 64MiB");
        }
        return maxBody;
    }

    private static HttpTarget.Expectation expectation(Section probe, Duration timeout) {
        return probe.mapping("expect", EXPECT_KEYS)
                .map(expect -> new HttpTarget.Expectation(
                        expect.wholeNumber("status", 200, 100, 599),
                        expect.optionalText("body_contains"),
                        maxLatency(expect, timeout)))
                .orElse(DEFAULT_EXPECTATION);
    }

    // A latency limit at or above the timeout could never be seen: the check would time out first.
    private static Duration maxLatency(Section expect, Duration timeout) {
        Duration maxLatency = expect.duration("max_latency", null);
        if (maxLatency == null) {
            return null;
        }
        if (maxLatency.isZero()) {
            expect.reject("max_latency", "must be longer than 0");
            return null;
        }
        if (timeout != null && maxLatency.compareTo(timeout) >= 0) {
            expect.reject("max_latency", "must be shorter than the timeout (" + Durations.format(timeout) + ")");
            return null;
        }
        return maxLatency;
    }
}
