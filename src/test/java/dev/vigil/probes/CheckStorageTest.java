package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The retention job on a site in Los Angeles, keeping 14 days: run at 12:30 UTC, it cuts at
 * 12:00 UTC fourteen days before, and its days start at 08:00 UTC (midnight, Pacific standard time).
 */
class CheckStorageTest {
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-11-11T12:00:00Z");

    private final CheckStore checks = new CheckStore();

    @OnEachBackend
    void resultsOlderThanTheCutoffAreSummedPerHourAndPerLocalDayAndDeleted(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);

        int deleted = retentionAt(database, NOW).run();

        assertThat(deleted).isEqualTo(8);
        assertThat(rollups(database)).containsExactly(
                new Rollup("api-health", "day", "2026-11-10T08:00:00Z", 1, 0, 0, 300, 300),
                new Rollup("api-health", "hour", "2026-11-10T09:00:00Z", 1, 0, 0, 300, 300),
                new Rollup("web-home", "day", "2026-11-10T08:00:00Z", 3, 1, 1, 4250, 3000),
                new Rollup("web-home", "day", "2026-11-11T08:00:00Z", 1, 0, 1, 70, 60),
                new Rollup("web-home", "hour", "2026-11-10T09:00:00Z", 1, 1, 1, 4000, 3000),
                new Rollup("web-home", "hour", "2026-11-10T10:00:00Z", 1, 0, 0, 200, 200),
                new Rollup("web-home", "hour", "2026-11-11T07:00:00Z", 1, 0, 0, 50, 50),
                new Rollup("web-home", "hour", "2026-11-11T08:00:00Z", 1, 0, 0, 60, 60),
                new Rollup("web-home", "hour", "2026-11-11T11:00:00Z", 0, 0, 1, 10, 10));
        assertThat(remainingStarts(database)).containsExactly(CUTOFF, NOW.minusSeconds(60));
    }

    @OnEachBackend
    void runningTheJobTwiceDoesNotCountAnyResultTwice(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);
        retentionAt(database, NOW).run();
        List<Rollup> afterFirstRun = rollups(database);

        int deleted = retentionAt(database, NOW).run();

        assertThat(deleted).isZero();
        assertThat(rollups(database)).isEqualTo(afterFirstRun);
        assertThat(remainingStarts(database)).containsExactly(CUTOFF, NOW.minusSeconds(60));
    }

    @OnEachBackend
    void aLaterRunAddsToTheDayItContinuesAndStartsANewHour(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);
        retentionAt(database, NOW).run();

        int deleted = retentionAt(database, NOW.plus(Duration.ofHours(1))).run();

        assertThat(deleted).isEqualTo(1);
        assertThat(rollups(database)).filteredOn(r -> r.start().equals("2026-11-11T08:00:00Z") && r.period().equals("day"))
                .containsExactly(new Rollup("web-home", "day", "2026-11-11T08:00:00Z", 2, 0, 1, 140, 70));
        assertThat(rollups(database)).filteredOn(r -> r.start().equals("2026-11-11T12:00:00Z"))
                .containsExactly(new Rollup("web-home", "hour", "2026-11-11T12:00:00Z", 1, 0, 0, 70, 70));
        assertThat(remainingStarts(database)).containsExactly(NOW.minusSeconds(60));
    }

    private void insertOldAndRecentResults(Database database) {
        database.write(h -> {
            checks.insert(h, result("web-home", "2026-11-10T09:05:00Z", Outcome.UP, 100));
            checks.insert(h, result("web-home", "2026-11-10T09:20:00Z", Outcome.DOWN, 3000));
            checks.insert(h, result("web-home", "2026-11-10T09:40:00Z", Outcome.DEGRADED, 900));
            checks.insert(h, result("web-home", "2026-11-10T10:10:00Z", Outcome.UP, 200));
            checks.insert(h, result("web-home", "2026-11-11T07:59:00Z", Outcome.UP, 50));
            checks.insert(h, result("web-home", "2026-11-11T08:00:00Z", Outcome.UP, 60));
            checks.insert(h, result("web-home", "2026-11-11T11:59:59.999Z", Outcome.DOWN, 10));
            checks.insert(h, result("api-health", "2026-11-10T09:30:00Z", Outcome.UP, 300));
            checks.insert(h, result("web-home", CUTOFF.toString(), Outcome.UP, 70));
            checks.insert(h, result("web-home", NOW.minusSeconds(60).toString(), Outcome.UP, 80));
            return null;
        });
    }

    @OnEachBackend
    void skippedChecksAreCountedApartInTheRollUpsAndNeverAsUp(TestDatabase store) {
        Database database = twoProbes(store);
        database.write(h -> {
            checks.insert(h, result("web-home", "2026-11-10T09:05:00Z", Outcome.UP, 100));
            checks.insert(h, result("web-home", "2026-11-10T09:06:00Z", Outcome.SKIPPED, 0));
            checks.insert(h, result("web-home", "2026-11-10T09:07:00Z", Outcome.SKIPPED, 0));
            return null;
        });

        retentionAt(database, NOW).run();

        List<Integer[]> counts = database.read(h -> h.createQuery(
                        "SELECT up_count, down_count, skipped_count FROM check_rollups WHERE period = 'hour'")
                .map((rs, ctx) -> new Integer[] {rs.getInt("up_count"), rs.getInt("down_count"),
                        rs.getInt("skipped_count")})
                .list());
        assertThat(counts).singleElement().isEqualTo(new Integer[] {1, 0, 2});
    }

    private RetentionJob retentionAt(Database database, Instant now) {
        return new RetentionJob(database, checks, RETENTION, SITE_ZONE, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static CheckResult result(String probeId, String startedAt, Outcome outcome, long durationMillis) {
        Instant at = Instant.parse(startedAt);
        return new CheckResult(probeId, at, at, Duration.ofMillis(durationMillis), null, outcome,
                outcome == Outcome.UP ? "OK" : "status 503", 200);
    }

    private static List<Instant> remainingStarts(Database database) {
        return database.read(h -> h.createQuery("SELECT started_at FROM check_results ORDER BY started_at")
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong("started_at"))).list());
    }

    private static List<Rollup> rollups(Database database) {
        return database.read(h -> h.createQuery("SELECT * FROM check_rollups ORDER BY probe_id, period, period_start")
                .map((rs, ctx) -> new Rollup(rs.getString("probe_id"), rs.getString("period"),
                        Instant.ofEpochMilli(rs.getLong("period_start")).toString(), rs.getInt("up_count"),
                        rs.getInt("degraded_count"), rs.getInt("down_count"), rs.getLong("total_duration_ms"),
                        rs.getInt("max_duration_ms")))
                .list());
    }

    private static Database twoProbes(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/
                  - id: api-health
                    component: web
                    url: http://web.test/api/health
                """), Instant.parse("2026-11-01T00:00:00Z"));
        return database;
    }

    private record Rollup(String probe, String period, String start, int up, int degraded, int down,
            long totalMillis, int maxMillis) {}
}
