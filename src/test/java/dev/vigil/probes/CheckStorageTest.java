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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The check roll-ups on a site in Los Angeles, keeping raw results 14 days: its days start at 08:00 UTC
 * (midnight, Pacific standard time), and the retention job, run at 12:30 UTC, cuts at 12:30 UTC fourteen
 * days before.
 */
class CheckStorageTest {
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-11-11T12:30:00Z");

    private final CheckStore checks = new CheckStore();
    private final CheckRollupStore rollupStore = new CheckRollupStore();

    @OnEachBackend
    void theRollUpsSumWhatWasWrittenPerMinuteHourAndLocalDay(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);

        long folded = rollups(database).run();

        assertThat(folded).isEqualTo(11);
        assertThat(rows(database, RollupPeriod.DAY)).containsExactly(
                new Row("api-health", "2026-11-10T08:00:00Z", 1, 0, 0, 0, 300, 300),
                new Row("web-home", "2026-11-10T08:00:00Z", 4, 1, 1, 0, 4300, 3000),
                new Row("web-home", "2026-11-11T08:00:00Z", 2, 0, 1, 0, 140, 70),
                new Row("web-home", "2026-11-25T08:00:00Z", 1, 0, 0, 0, 80, 80));
        assertThat(rows(database, RollupPeriod.HOUR)).filteredOn(r -> r.probe().equals("web-home")).containsExactly(
                new Row("web-home", "2026-11-10T09:00:00Z", 2, 1, 1, 0, 4050, 3000),
                new Row("web-home", "2026-11-10T10:00:00Z", 1, 0, 0, 0, 200, 200),
                new Row("web-home", "2026-11-11T07:00:00Z", 1, 0, 0, 0, 50, 50),
                new Row("web-home", "2026-11-11T08:00:00Z", 1, 0, 0, 0, 60, 60),
                new Row("web-home", "2026-11-11T11:00:00Z", 0, 0, 1, 0, 10, 10),
                new Row("web-home", "2026-11-11T12:00:00Z", 1, 0, 0, 0, 70, 70),
                new Row("web-home", "2026-11-25T12:00:00Z", 1, 0, 0, 0, 80, 80));
        assertThat(rows(database, RollupPeriod.MINUTE)).filteredOn(r -> r.start().startsWith("2026-11-10T09:05"))
                .containsExactly(new Row("web-home", "2026-11-10T09:05:00Z", 2, 0, 0, 0, 150, 100));
    }

    @OnEachBackend
    void runningTheRollUpAgainOrAfterARestartNeverCountsAResultTwice(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);
        rollups(database).run();
        List<Row> afterFirstRun = all(database);

        long folded = rollups(database).run(); // a new instance, as after a restart

        assertThat(folded).isZero();
        assertThat(all(database)).isEqualTo(afterFirstRun);
    }

    @OnEachBackend
    void aLaterRunAddsOnlyTheNewResultsToTheMinuteHourAndDayTheyStartedIn(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);
        rollups(database).run();
        // Written after the run, though it started before the last result the run folded: a slow check.
        insert(database, result("web-home", "2026-11-25T12:29:30Z", Outcome.DOWN, 9000));

        assertThat(rollups(database).run()).isEqualTo(1);

        assertThat(rows(database, RollupPeriod.DAY)).filteredOn(r -> r.start().equals("2026-11-25T08:00:00Z"))
                .containsExactly(new Row("web-home", "2026-11-25T08:00:00Z", 1, 0, 1, 0, 9080, 9000));
        assertThat(rows(database, RollupPeriod.MINUTE)).filteredOn(r -> r.start().startsWith("2026-11-25T12:29"))
                .containsExactly(new Row("web-home", "2026-11-25T12:29:00Z", 1, 0, 1, 0, 9080, 9000));
    }

    @OnEachBackend
    void skippedChecksAreCountedApartInTheRollUpsAndNeverAsUp(TestDatabase store) {
        Database database = twoProbes(store);
        insert(database, result("web-home", "2026-11-10T09:05:00Z", Outcome.UP, 100),
                result("web-home", "2026-11-10T09:06:00Z", Outcome.SKIPPED, 0),
                result("web-home", "2026-11-10T09:07:00Z", Outcome.SKIPPED, 0));

        rollups(database).run();

        assertThat(rows(database, RollupPeriod.HOUR))
                .containsExactly(new Row("web-home", "2026-11-10T09:00:00Z", 1, 0, 0, 2, 100, 100));
    }

    @OnEachBackend
    void retentionDeletesRawResultsAndMinuteRollUpsPastTheirTimeButKeepsTheHoursAndDays(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);

        int deleted = retentionAt(database, NOW).run();

        assertThat(deleted).isEqualTo(9);
        assertThat(remainingStarts(database)).containsExactly(CUTOFF, NOW.minusSeconds(60));
        assertThat(rows(database, RollupPeriod.MINUTE)).extracting(Row::start)
                .containsExactly("2026-11-11T12:30:00Z", "2026-11-25T12:29:00Z");
        assertThat(rows(database, RollupPeriod.HOUR)).hasSize(8);
        assertThat(rows(database, RollupPeriod.DAY)).extracting(Row::up).containsExactly(1, 4, 2, 1);
    }

    @OnEachBackend
    void runningRetentionAgainDeletesNothingMoreAndChangesNoRollUp(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);
        retentionAt(database, NOW).run();
        List<Row> afterFirstRun = all(database);

        assertThat(retentionAt(database, NOW).run()).isZero();

        assertThat(all(database)).isEqualTo(afterFirstRun);
    }

    @OnEachBackend
    void hourlyRollUpsGoAfterAHundredDaysAndDailyOnesStay(TestDatabase store) {
        Database database = twoProbes(store);
        insertOldAndRecentResults(database);

        // A hundred days after Nov 20: the hours of Nov 10 and 11 go, the hour of Nov 25 stays.
        retentionAt(database, Instant.parse("2027-02-28T00:00:00Z")).run();

        assertThat(rows(database, RollupPeriod.HOUR)).extracting(Row::start).containsExactly("2026-11-25T12:00:00Z");
        assertThat(rows(database, RollupPeriod.DAY)).hasSize(4);
        assertThat(rows(database, RollupPeriod.MINUTE)).isEmpty();
        assertThat(remainingStarts(database)).isEmpty();
    }

    @OnEachBackend
    void percentilesFromTheRollUpsAreWithinOneBucketOfTheExactOnes(TestDatabase store) {
        Database database = twoProbes(store);
        Random random = new Random(11);
        List<CheckResult> results = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        Instant start = Instant.parse("2026-11-24T00:00:00Z");
        for (int minute = 0; minute < 6 * 60; minute++) {
            // Mostly 80 to 250 ms, one in twenty slow (1 to 5 s): a long tail, as real latencies have.
            long millis = random.nextInt(20) == 0 ? 1000 + random.nextInt(4000) : 80 + random.nextInt(170);
            durations.add(millis);
            results.add(result("web-home", start.plusSeconds(60L * minute).toString(), Outcome.UP, millis));
        }
        insert(database, results.toArray(CheckResult[]::new));
        rollups(database).run();

        Latency fromMinutes = database.read(h -> Latency.of(rollupStore.find(h, "web-home", RollupPeriod.MINUTE,
                start, start.plus(Duration.ofHours(6)))));
        Latency fromHours = database.read(h -> Latency.of(rollupStore.find(h, "web-home", RollupPeriod.HOUR,
                start, start.plus(Duration.ofHours(6)))));

        durations.sort(null);
        for (Latency latency : List.of(fromMinutes, fromHours)) {
            assertThat(latency.answered()).isEqualTo(360);
            assertWithinOneBucket(latency.p50Millis().orElseThrow(), exact(durations, 50));
            assertWithinOneBucket(latency.p95Millis().orElseThrow(), exact(durations, 95));
            assertWithinOneBucket(latency.p99Millis().orElseThrow(), exact(durations, 99));
        }
        assertThat(fromHours).isEqualTo(fromMinutes);
    }

    @OnEachBackend
    void downAndSkippedChecksAreLeftOutOfTheLatencyHistogram(TestDatabase store) {
        Database database = twoProbes(store);
        insert(database, result("web-home", "2026-11-24T10:00:00Z", Outcome.UP, 120),
                result("web-home", "2026-11-24T10:01:00Z", Outcome.DOWN, 10_000),
                result("web-home", "2026-11-24T10:02:00Z", Outcome.SKIPPED, 0));
        rollups(database).run();

        Latency latency = database.read(h -> Latency.of(rollupStore.find(h, "web-home", RollupPeriod.HOUR,
                Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T11:00:00Z"))));

        assertThat(latency.answered()).isEqualTo(1);
        assertWithinOneBucket(latency.p99Millis().orElseThrow(), 120);
        assertThat(latency.maxMillis()).isEqualTo(10_000);
    }

    private static void assertWithinOneBucket(long estimate, long exact) {
        assertThat(Math.abs(LatencyBuckets.of(estimate) - LatencyBuckets.of(exact)))
                .as("estimate %d ms against exact %d ms", estimate, exact).isLessThanOrEqualTo(1);
    }

    /** The nearest-rank percentile of sorted durations. */
    private static long exact(List<Long> sorted, int p) {
        return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    }

    private void insertOldAndRecentResults(Database database) {
        insert(database,
                result("web-home", "2026-11-10T09:05:00Z", Outcome.UP, 100),
                result("web-home", "2026-11-10T09:05:30Z", Outcome.UP, 50),
                result("web-home", "2026-11-10T09:20:00Z", Outcome.DOWN, 3000),
                result("web-home", "2026-11-10T09:40:00Z", Outcome.DEGRADED, 900),
                result("web-home", "2026-11-10T10:10:00Z", Outcome.UP, 200),
                result("web-home", "2026-11-11T07:59:00Z", Outcome.UP, 50),
                result("web-home", "2026-11-11T08:00:00Z", Outcome.UP, 60),
                result("web-home", "2026-11-11T11:59:59.999Z", Outcome.DOWN, 10),
                result("api-health", "2026-11-10T09:30:00Z", Outcome.UP, 300),
                result("web-home", CUTOFF.toString(), Outcome.UP, 70),
                result("web-home", NOW.minusSeconds(60).toString(), Outcome.UP, 80));
    }

    private void insert(Database database, CheckResult... results) {
        database.write(h -> {
            checks.insertAll(h, List.of(results));
            return null;
        });
    }

    private CheckRollups rollups(Database database) {
        return new CheckRollups(database, checks, rollupStore, SITE_ZONE);
    }

    private RetentionJob retentionAt(Database database, Instant now) {
        return new RetentionJob(database, checks, rollups(database), rollupStore, RETENTION,
                Clock.fixed(now, ZoneOffset.UTC));
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

    private List<Row> rows(Database database, RollupPeriod period) {
        return database.read(h -> rollupStore.all(h, period)).stream().map(Row::of).toList();
    }

    private List<Row> all(Database database) {
        List<Row> all = new ArrayList<>();
        for (RollupPeriod period : RollupPeriod.values()) {
            all.addAll(rows(database, period));
        }
        return all;
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

    private record Row(String probe, String start, int up, int degraded, int down, int skipped, long totalMillis,
            int maxMillis) {
        static Row of(CheckRollup r) {
            return new Row(r.probeId(), r.start().toString(), r.up(), r.degraded(), r.down(), r.skipped(),
                    r.totalMillis(), r.maxMillis());
        }
    }
}
