package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds an HTTP probe with test-friendly defaults and runs it. */
final class ProbeUnderTest {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant SCHEDULED = NOW.minusMillis(20);

    private final URI url;
    private Duration timeout = Duration.ofSeconds(3);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private int expectedStatus = 200;
    private String bodyContains;
    private Duration maxLatency;
    private long maxBodyBytes = HttpTarget.DEFAULT_MAX_BODY_BYTES;

    private ProbeUnderTest(URI url) {
        this.url = url;
    }

    static ProbeUnderTest probing(URI url) {
        return new ProbeUnderTest(url);
    }

    static ProbeUnderTest probing(String url) {
        return probing(URI.create(url));
    }

    ProbeUnderTest timeout(Duration value) {
        timeout = value;
        return this;
    }

    ProbeUnderTest expectStatus(int value) {
        expectedStatus = value;
        return this;
    }

    ProbeUnderTest expectBodyContaining(String value) {
        bodyContains = value;
        return this;
    }

    ProbeUnderTest maxLatency(Duration value) {
        maxLatency = value;
        return this;
    }

    ProbeUnderTest maxBodyBytes(long value) {
        maxBodyBytes = value;
        return this;
    }

    ProbeConfig config() {
        HttpTarget target = new HttpTarget(url, connectTimeout, maxBodyBytes,
                new HttpTarget.Expectation(expectedStatus, bodyContains, maxLatency));
        return new ProbeConfig("web", "website", target, Duration.ofMinutes(1), timeout, Duration.ofSeconds(10), 2, 2,
                ProbeLocations.SERVER_ONLY);
    }

    CheckResult check() {
        try (HttpClients clients = new HttpClients()) {
            return new HttpProbe(config(), Clock.fixed(NOW, ZoneOffset.UTC), clients).check(SCHEDULED);
        }
    }
}
