package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

class FirstFailureStorageTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @OnEachBackend
    void aSkippedCheckIsNotTakenForTheOutagesFirstFailure(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                """), T0.minusSeconds(3600));
        CheckStore checks = new CheckStore();
        database.write(h -> {
            checks.insert(h, CheckResult.of("web-home", T0, Outcome.UP, "OK"));
            checks.insert(h, CheckResult.of("web-home", T0.plusSeconds(60), Outcome.SKIPPED,
                    "skipped: the previous check was still running"));
            checks.insert(h, new CheckResult("web-home", T0.plusSeconds(120), T0.plusSeconds(120), Duration.ofMillis(40),
                    Duration.ofMillis(30), Outcome.DOWN, "status 503, expected 200", 503));
            return null;
        });

        Optional<TimelineBuilder.FirstFailure> first =
                database.read(h -> new IncidentRecords().firstFailure(h, "web-home", T0));

        assertThat(first).hasValueSatisfying(f -> {
            assertThat(f.at()).isEqualTo(T0.plusSeconds(120));
            assertThat(f.statusCode()).isEqualTo(503);
        });
    }
}
