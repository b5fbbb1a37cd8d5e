package dev.vigil.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.engine.SkipReason;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures without a web server: results counted on their way to the store, and a store gone away. */
class TelemetryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private Database storeWithOneProbe() {
        Database database = Database.open("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
        Configs.sync(database, Configs.parse("""
                components:
                  - {id: api, name: API}
                probes:
                  - {id: api-health, component: api, url: "http://127.0.0.1:1/health"}
                """), NOW);
        return database;
    }

    private static CheckResult result(Outcome outcome, Duration took) {
        return new CheckResult("api-health", NOW, NOW, took, null, outcome, outcome.name(), null);
    }

    private static Scrape scrape(Telemetry telemetry) {
        return Scrape.of(new String(telemetry.scrape(false), StandardCharsets.UTF_8));
    }

    @Test
    void eachBatchIsCountedThenHandedOnWhole() {
        try (Database database = storeWithOneProbe()) {
            Telemetry telemetry = new Telemetry(database);
            List<List<CheckResult>> stored = new ArrayList<>();
            List<CheckResult> batch = List.of(result(Outcome.UP, Duration.ofMillis(40)),
                    result(Outcome.DEGRADED, Duration.ofMillis(3_000)), result(Outcome.SKIPPED, Duration.ZERO));

            telemetry.recording(stored::add).record(batch);
            Scrape scrape = scrape(telemetry);

            assertThat(stored).containsExactly(batch);
            assertThat(scrape.value("vigil_probe_up", "probe", "api-health", "component", "api")).contains(1.0);
            assertThat(scrape.value("vigil_probe_degraded", "probe", "api-health")).contains(1.0);
            assertThat(scrape.value("vigil_check_duration_seconds_count", "probe", "api-health")).contains(2.0);
            assertThat(scrape.value("vigil_check_duration_seconds_bucket", "probe", "api-health", "le", "0.05"))
                    .contains(1.0);
            assertThat(scrape.value("vigil_check_duration_seconds_bucket", "probe", "api-health", "le", "2.5"))
                    .contains(1.0);
            assertThat(scrape.value("vigil_checks_total", "outcome", "degraded")).contains(1.0);
        }
    }

    @Test
    void aBatchThatCannotBeCountedIsStillHandedOn() {
        try (Database database = storeWithOneProbe()) {
            Telemetry telemetry = new Telemetry(database);
            List<List<CheckResult>> stored = new ArrayList<>();
            List<CheckResult> withoutDuration = List.of(result(Outcome.UP, null));

            telemetry.recording(stored::add).record(withoutDuration);

            assertThat(stored).containsExactly(withoutDuration);
        }
    }

    @Test
    void theEnginesLagsAndSkipsAreCountedByReason() {
        try (Database database = storeWithOneProbe()) {
            Telemetry telemetry = new Telemetry(database);

            telemetry.engineObserver().checkStarted(Duration.ofMillis(3));
            telemetry.engineObserver().checkStarted(Duration.ofSeconds(4));
            telemetry.engineObserver().checkSkipped(SkipReason.HOST_LIMIT);
            Scrape scrape = scrape(telemetry);

            assertThat(scrape.value("vigil_check_start_lag_seconds_count")).contains(2.0);
            assertThat(scrape.value("vigil_check_start_lag_seconds_bucket", "le", "2.0")).contains(1.0);
            assertThat(scrape.value("vigil_checks_skipped_total", "reason", "host_limit")).contains(1.0);
            assertThat(scrape.value("vigil_checks_skipped_total", "reason", "in_flight_limit")).contains(0.0);
        }
    }

    @Test
    void aStoreThatCannotBeReadLeavesTheLastFiguresAndTheJvmsServed() {
        Database database = storeWithOneProbe();
        Telemetry telemetry = new Telemetry(database);
        telemetry.recording(batch -> {}).record(List.of(result(Outcome.DOWN, Duration.ofSeconds(1))));
        scrape(telemetry);

        database.close();
        Scrape scrape = scrape(telemetry);

        assertThat(scrape.value("vigil_probe_up", "probe", "api-health")).contains(0.0);
        assertThat(scrape.value("vigil_outages_open", "component", "api")).contains(0.0);
        assertThat(scrape.hasFamily("jvm_memory_used_bytes")).isTrue();
    }
}
