package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the probes list, checking each probe on its own and against the declared components. */
final class ProbeReader {
    static final List<String> KEYS = List.of("id", "component", "type", "url", "interval", "timeout",
            "connect_timeout", "max_body", "expect", "failures_to_open", "successes_to_close");
    static final List<String> EXPECT_KEYS = List.of("status", "body_contains", "max_latency");
    private static final String HTTP = "http";

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofHours(24);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIN_BODY_BYTES = 1024;
    private static final long MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final ProbeConfig.Expectation DEFAULT_EXPECTATION = new ProbeConfig.Expectation(200, null, null);

    private ProbeReader() {}

    /** @param declaredComponents the component ids in file order, used to check and to list in messages */
    static List<ProbeConfig> readAll(Section root, Collection<String> declaredComponents) {
        Set<String> takenIds = new HashSet<>();
        List<ProbeConfig> probes = new ArrayList<>();
        for (Section probe : root.listOfMappings("probes", KEYS)) {
            probes.add(read(probe, takenIds, declaredComponents));
        }
        return probes;
    }

    static ProbeConfig read(Section probe, Set<String> takenIds, Collection<String> declaredComponents) {
        String id = Ids.read(probe, takenIds);
        String componentId = componentId(probe, declaredComponents);
        String type = type(probe);
        URI url = probe.httpUrl("url");
        Duration interval = interval(probe);
        Duration timeout = timeout(probe, interval);
        Duration connectTimeout = connectTimeout(probe, timeout);
        long maxBody = maxBody(probe);
        ProbeConfig.Expectation expect = expectation(probe, timeout);
        int failuresToOpen = probe.wholeNumber("failures_to_open", 3, 1, 100);
        int successesToClose = probe.wholeNumber("successes_to_close", 2, 1, 100);
        return new ProbeConfig(id, componentId, type, url, interval, timeout, connectTimeout, expect,
                failuresToOpen, successesToClose, maxBody);
    }

    private static String componentId(Section probe, Collection<String> declaredComponents) {
        String componentId = probe.requiredText("component");
        if (componentId != null && !declaredComponents.contains(componentId)) {
            String declared = declaredComponents.isEmpty() ? "none" : String.join(", ", declaredComponents);
            probe.reject("component", "is not a declared component; declared: " + declared);
        }
        return componentId;
    }

    private static String type(Section probe) {
        String type = probe.optionalText("type");
        if (type == null) {
            return HTTP;
        }
        if (!type.equals(HTTP)) {
            probe.reject("type", "is not supported; use http (it covers https URLs too)");
        }
        return type;
    }

    private static Duration interval(Section probe) {
        Duration interval = probe.duration("interval", DEFAULT_INTERVAL);
        if (interval != null && (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0)) {
            probe.reject("interval", "must be between 1s and 24h");
            return null;
        }
        return interval;
    }

    // The default follows a short interval down, so that "interval: 5s" alone is valid.
    private static Duration timeout(Section probe, Duration interval) {
        Duration defaultTimeout = interval == null ? DEFAULT_TIMEOUT : shorterOf(DEFAULT_TIMEOUT, interval);
        Duration timeout = probe.duration("timeout", defaultTimeout);
        if (timeout == null) {
            return null;
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            probe.reject("timeout", "must be at least 100ms");
            return null;
        }
        if (interval != null && timeout.compareTo(interval) > 0) {
            probe.reject("timeout", "must not be longer than the interval (" + Durations.format(interval) + ")");
            return null;
        }
        return timeout;
    }

    private static Duration connectTimeout(Section probe, Duration timeout) {
        Duration defaultTimeout = timeout == null ? DEFAULT_CONNECT_TIMEOUT : shorterOf(DEFAULT_CONNECT_TIMEOUT, timeout);
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
        long maxBody = probe.byteSize("max_body", ProbeConfig.DEFAULT_MAX_BODY_BYTES);
        if (maxBody < MIN_BODY_BYTES || maxBody > MAX_BODY_BYTES) {
            probe.reject("max_body", "must be between 1KiB and 64MiB");
        }
        return maxBody;
    }

    private static ProbeConfig.Expectation expectation(Section probe, Duration timeout) {
        return probe.mapping("expect", EXPECT_KEYS)
                .map(expect -> new ProbeConfig.Expectation(
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

    private static Duration shorterOf(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
