package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckRollupStore;
import dev.vigil.probes.CheckRollups;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Latency;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.RetentionJob;
import dev.vigil.probes.RollupPeriod;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.DayUptime;
import dev.vigil.uptime.MonitorSessions;
import dev.vigil.uptime.UptimeHistory;
import dev.vigil.uptime.UptimeRollups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthesises a year (bench.days) of one-minute checks of 100 probes, one per component, through Vigil's
 * write path (OutageService.recordAll in batches of 1,000, one transaction each) with the roll-up jobs
 * and the retention job (14 days) run as the clock moves on, then prints the database size, the ingest
 * rate and the time to compute the 90-day bars of all 100 components. Not a test: run it with
 *
 *     mvn -q test -Dtest=HistoryBenchmark -Dbenchmark=true [-Dbench.days=365] [-Dbench.db=postgresql]
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HistoryBenchmark {
    private static final int PROBES = 100;
    private static final int BATCH = 1_000;
    private static final int BAR_ROUNDS = 15;
    private static final Duration RETENTION = Duration.ofDays(14);

    @TempDir
    Path folder;

    @Test
    void synthesiseAYearOfChecksAndReadTheBars() throws Exception {
        int days = Integer.getInteger("bench.days", 365);
        boolean postgres = "postgresql".equals(System.getProperty("bench.db", "sqlite"));
        try (TestDatabase pg = TestDatabase.postgres()) {
            Path file = folder.resolve("vigil.db");
            Database database = Database.open(postgres ? pg.url() : "jdbc:sqlite:" + file);
            try {
                run(database, days, postgres ? null : file);
            } finally {
                database.close();
            }
        }
    }

    private void run(Database database, int days, Path sqliteFile) throws Exception {
        Instant start = Instant.parse("2026-12-01T00:00:00Z").minus(Duration.ofDays(days));
        ManualClock clock = new ManualClock(start);
        Configs.sync(database, Configs.parse(hundredProbes()), start);
        MonitorSessions sessions = new MonitorSessions(database, clock);
        sessions.begin();
        CheckStore checks = new CheckStore();
        CheckRollupStore rollupStore = new CheckRollupStore();
        CheckRollups checkRollups = new CheckRollups(database, checks, rollupStore, ZoneOffset.UTC);
        UptimeRollups uptimeRollups = new UptimeRollups(database, new ComponentStore(), new ProbeStateStore(), checks,
                sessions, ZoneOffset.UTC, clock);
        RetentionJob retention = new RetentionJob(database, checks, checkRollups, rollupStore, RETENTION, clock);
        OutageService recorder = recorder(database, clock);
        uptimeRollups.run();

        Synthesis synthesis = new Synthesis();
        long results = 0;
        long writeNanos = 0;
        long checkRollupNanos = 0;
        long uptimeRollupNanos = 0;
        long retentionNanos = 0;
        long began = System.nanoTime();
        List<CheckResult> batch = new ArrayList<>(BATCH);
        long minutes = days * 24L * 60;
        for (long minute = 0; minute < minutes; minute++) {
            Instant due = start.plus(Duration.ofMinutes(minute));
            for (int probe = 0; probe < PROBES; probe++) {
                batch.add(synthesis.check(probe, minute, due));
            }
            if (batch.size() >= BATCH) {
                clock.set(due.plusSeconds(59));
                long t = System.nanoTime();
                recorder.recordAll(batch);
                writeNanos += System.nanoTime() - t;
                results += batch.size();
                batch = new ArrayList<>(BATCH);
            }
            if (minute % 60 == 59) { // Vigil runs these every minute; hourly here, which folds the same rows
                long t = System.nanoTime();
                checkRollups.run();
                long u = System.nanoTime();
                uptimeRollups.run();
                checkRollupNanos += u - t;
                uptimeRollupNanos += System.nanoTime() - u;
                sessions.heartbeat();
            }
            if (minute % (24 * 60) == 24 * 60 - 1) {
                long t = System.nanoTime();
                retention.run();
                retentionNanos += System.nanoTime() - t;
                if ((minute + 1) / (24 * 60) % 10 == 0) {
                    System.out.printf("  day %d of %d: %,d results, %.0f s%n", (minute + 1) / (24 * 60), days, results,
                            (System.nanoTime() - began) / 1e9);
                }
            }
        }
        recorder.recordAll(batch);
        results += batch.size();
        checkRollups.run();
        uptimeRollups.run();
        double seconds = (System.nanoTime() - began) / 1e9;

        System.out.printf("%nTime spent: writing %.0f s, check roll-ups %.0f s, uptime roll-ups %.0f s, retention %.0f s,"
                + " synthesis and the rest %.0f s%n", writeNanos / 1e9, checkRollupNanos / 1e9, uptimeRollupNanos / 1e9,
                retentionNanos / 1e9, seconds - (writeNanos + checkRollupNanos + uptimeRollupNanos + retentionNanos) / 1e9);
        report(database, sqliteFile, days, results, seconds, writeNanos / 1e9, clock.instant(), rollupStore, checks);
    }

    private void report(Database database, Path sqliteFile, int days, long results, double seconds,
            double writeSeconds, Instant now, CheckRollupStore rollupStore, CheckStore checks) throws Exception {
        List<Long> barMillis = new ArrayList<>();
        UptimeHistory history = new UptimeHistory(ZoneOffset.UTC);
        Map<String, List<DayUptime>> bars = Map.of();
        for (int round = 0; round < BAR_ROUNDS; round++) {
            long t = System.nanoTime();
            bars = database.read(h -> history.daily(h, new ComponentStore().all(h), now, 90));
            barMillis.add((System.nanoTime() - t) / 1_000);
        }
        List<Long> sorted = new ArrayList<>(barMillis);
        sorted.sort(null);
        Latency day = database.read(h -> Latency.of(rollupStore.find(h, "p000", RollupPeriod.MINUTE,
                now.minus(Duration.ofDays(1)), now)));
        Latency quarter = database.read(h -> Latency.of(rollupStore.find(h, "p000", RollupPeriod.HOUR,
                now.minus(Duration.ofDays(90)), now)));
        long raw = database.read(h -> checks.count(h));
        double megabytes = size(database, sqliteFile) / 1e6;

        System.out.printf("%nHistory benchmark: %d probes checked every minute for %d days, %s%n", PROBES, days,
                sqliteFile == null ? "PostgreSQL" : "SQLite");
        System.out.printf("  results written          %,d (%,d raw rows kept: %d days)%n", results, raw, RETENTION.toDays());
        System.out.printf("  database size            %.0f MB%n", megabytes);
        System.out.printf("  ingest rate              %,.0f results/s (all included: write path, roll-ups, retention)%n",
                results / seconds);
        System.out.printf("  write path alone         %,.0f results/s (OutageService.recordAll, batches of %,d)%n",
                results / writeSeconds, BATCH);
        System.out.printf("  90-day bars, 100 comps   median %.1f ms (min %.1f, max %.1f) over %d rounds%n",
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                BAR_ROUNDS);
        System.out.printf("  p000 latency, last 24 h  p50 %s, p95 %s, p99 %s ms; last 90 days p50 %s, p95 %s, p99 %s ms%n",
                day.p50Millis().orElse(null), day.p95Millis().orElse(null), day.p99Millis().orElse(null),
                quarter.p50Millis().orElse(null), quarter.p95Millis().orElse(null), quarter.p99Millis().orElse(null));
        assertThat(bars).hasSize(PROBES);
        assertThat(bars.get("c000")).hasSize(90);
    }

    private static long size(Database database, Path sqliteFile) throws Exception {
        if (sqliteFile == null) {
            return database.read(h -> h.createQuery("SELECT pg_database_size(current_database())")
                    .mapTo(Long.class).one());
        }
        database.withWriterHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
        Path wal = sqliteFile.resolveSibling(sqliteFile.getFileName() + "-wal");
        return Files.size(sqliteFile) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    private static OutageService recorder(Database database, ManualClock clock) {
        Map<String, Thresholds> thresholds = new HashMap<>();
        for (int probe = 0; probe < PROBES; probe++) {
            thresholds.put(probeId(probe), new Thresholds(3, 2));
        }
        OutageStore outages = new OutageStore();
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, new ComponentStore(),
                new AutoIncidents(new IncidentStore(), outages, new TimeFormat(ZoneOffset.UTC)), new MaintenanceCalendar(),
                thresholds, clock, () -> { });
    }

    private static String hundredProbes() {
        StringBuilder yaml = new StringBuilder("components:\n");
        for (int i = 0; i < PROBES; i++) {
            yaml.append("  - id: c%03d\n    name: Component %d\n".formatted(i, i));
        }
        yaml.append("probes:\n");
        for (int i = 0; i < PROBES; i++) {
            yaml.append("  - id: %s\n    component: c%03d\n    url: http://target%d.test/\n".formatted(probeId(i), i, i));
        }
        return yaml.toString();
    }

    private static String probeId(int probe) {
        return "p%03d".formatted(probe);
    }

    /**
     * Believable checks: answers of 40 to 200 ms with a long tail, a 20-minute outage of each probe about
     * once a month, a half hour of skipped checks about every six weeks, and a slow answer now and then.
     */
    private static final class Synthesis {
        private final Random random = new Random(2026);

        CheckResult check(int probe, long minute, Instant due) {
            long day = minute / (24 * 60);
            long minuteOfDay = minute % (24 * 60);
            String id = probeId(probe);
            if ((day + probe) % 45 == 0 && minuteOfDay >= 300 && minuteOfDay < 330) {
                return new CheckResult(id, due, due.plusSeconds(60), Duration.ZERO, null, Outcome.SKIPPED,
                        "the previous check was still running", null);
            }
            if ((day * 7 + probe) % 30 == 0 && minuteOfDay >= 600 && minuteOfDay < 620) {
                return new CheckResult(id, due, due, Duration.ofSeconds(10), null, Outcome.DOWN, "timeout after 10 s", null);
            }
            long millis = Math.round((40 + probe * 1.6) * Math.exp(random.nextGaussian() * 0.35));
            boolean slow = random.nextInt(500) == 0;
            return new CheckResult(id, due, due, Duration.ofMillis(slow ? millis + 2500 : millis), Duration.ofMillis(millis / 2),
                    slow ? Outcome.DEGRADED : Outcome.UP, slow ? "slower than 2 s" : "OK", 200);
        }
    }
}
