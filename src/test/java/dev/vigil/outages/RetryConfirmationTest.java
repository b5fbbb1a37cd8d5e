package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe checked every minute confirms an outage within seconds, through its retry interval. */
class RetryConfirmationTest {
    @TempDir
    Path dataDir;
    private final TargetServer target = TargetServer.start();
    private RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        target.close();
    }

    @Test
    void aMinuteProbeThatFailsIsRetriedEverySecondAndItsOutageIsConfirmedWithinSeconds() {
        target.answer(503);
        vigil = RunningVigil.start(dataDir, """
                site: {name: Acme, url: "http://status.test"}
                components: [{id: web, name: Web}]
                probes:
                  - {id: web-home, component: web, url: "%s", interval: 60s, retry_interval: 1s, timeout: 2s,
                     failures_to_open: 3}
                """.formatted(target.url()));

        Duration waited = RunningVigil.await(Duration.ofMinutes(1), "the outage", () -> outages() == 1);

        assertThat(waited).isLessThan(Duration.ofSeconds(30));
        Map<String, Object> outage = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT started_at, confirmed_at FROM outages").mapToMap().one());
        long started = ((Number) outage.get("started_at")).longValue();
        long confirmed = ((Number) outage.get("confirmed_at")).longValue();
        assertThat(confirmed - started).isBetween(1_500L, 10_000L);
    }

    private long outages() {
        return vigil.vigil().database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM outages")
                .mapTo(Long.class).one());
    }
}
