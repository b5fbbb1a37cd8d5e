package dev.vigil.probes;

import static dev.vigil.probes.ProbeUnderTest.NOW;
import static dev.vigil.probes.ProbeUnderTest.SCHEDULED;
import static dev.vigil.probes.ProbeUnderTest.probing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void reportsUpWhenStatusAndBodyMatch() {
        server.respond("/health", 200, "status: ok");

        CheckResult result = probing(server.url("/health")).expectBodyContaining("ok").check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.reason()).isEqualTo("OK");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.probeId()).isEqualTo("web");
    }

    @Test
    void takesTheStartFromTheClockAndMeasuresDurations() {
        server.on("/health", exchange -> {
            sleep(Duration.ofMillis(100));
            LocalHttpServer.send(exchange, 200, "ok");
        });

        CheckResult result = probing(server.url("/health")).check();

        assertThat(result.scheduledAt()).isEqualTo(SCHEDULED);
        assertThat(result.startedAt()).isEqualTo(NOW);
        assertThat(result.timeToFirstByte()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(result.duration()).isGreaterThanOrEqualTo(result.timeToFirstByte());
    }

    @Test
    void identifiesItselfWithTheVigilUserAgent() {
        AtomicReference<String> userAgent = new AtomicReference<>();
        server.on("/health", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            LocalHttpServer.send(exchange, 200, "ok");
        });

        probing(server.url("/health")).check();

        assertThat(userAgent.get()).isEqualTo("Vigil/0.1 (+status probe)");
    }

    @Test
    void reportsDownWithTheStatusWhenItIsNotTheExpectedOne() {
        server.respond("/health", 503, "maintenance");

        CheckResult result = probing(server.url("/health")).check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("status 503, expected 200");
        assertThat(result.statusCode()).isEqualTo(503);
    }

    @Test
    void reportsUpWhenAnUnusualExpectedStatusArrives() {
        server.respond("/teapot", 418, "short and stout");

        CheckResult result = probing(server.url("/teapot")).expectStatus(418).check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void reportsDownWhenTheBodyLacksTheExpectedText() {
        server.respond("/health", 200, "status: failing");

        CheckResult result = probing(server.url("/health")).expectBodyContaining("ok").check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("body did not contain \"ok\"");
        assertThat(result.statusCode()).isEqualTo(200);
    }

    @Test
    void reportsDegradedWhenTheAnswerIsRightButSlowerThanAllowed() {
        server.on("/health", exchange -> {
            sleep(Duration.ofMillis(400));
            LocalHttpServer.send(exchange, 200, "ok");
        });

        CheckResult result = probing(server.url("/health"))
                .maxLatency(Duration.ofMillis(200))
                .expectBodyContaining("ok")
                .check();

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.reason()).matches("slow: 0\\.\\d+ s, limit 0\\.2 s");
        assertThat(result.duration()).isGreaterThan(Duration.ofMillis(400));
    }

    @Test
    void reportsUpWhenFasterThanTheLatencyLimit() {
        server.respond("/health", 200, "ok");

        CheckResult result = probing(server.url("/health")).maxLatency(Duration.ofSeconds(2)).check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void sharesOneClientPerConnectTimeout() {
        HttpClients clients = new HttpClients();

        assertThat(clients.forConnectTimeout(Duration.ofSeconds(2)))
                .isSameAs(clients.forConnectTimeout(Duration.ofMillis(2000)))
                .isNotSameAs(clients.forConnectTimeout(Duration.ofSeconds(3)));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
