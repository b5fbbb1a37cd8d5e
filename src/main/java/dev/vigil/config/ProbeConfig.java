package dev.vigil.config;

import java.net.URI;
import java.time.Duration;

/**
 * A probe as declared in the YAML file.
 *
 * @param timeout the whole check, connection included, must finish within it
 * @param connectTimeout the TCP (and TLS) connection alone; never longer than timeout
 * @param maxBodyBytes how much of the response body is read at most; the rest is discarded
 */
public record ProbeConfig(
        String id,
        String componentId,
        String type,
        URI url,
        Duration interval,
        Duration timeout,
        Duration connectTimeout,
        Expectation expect,
        int failuresToOpen,
        int successesToClose,
        long maxBodyBytes) {

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
}
