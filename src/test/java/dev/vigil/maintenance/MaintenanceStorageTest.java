package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.DayUptime;
import dev.vigil.uptime.Interval;
import dev.vigil.uptime.UptimeCalculator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Maintenance windows moved by the job, and what they do to outage detection, on SQLite and PostgreSQL. */
class MaintenanceStorageTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Instant SYNCED = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-29T11:00:00Z");
    private static final String ADA = "user:1";

    private final MaintenanceStore store = new MaintenanceStore();
    private final ComponentStore components = new ComponentStore();
    private final OutageStore outages = new OutageStore();
    private final IncidentStore incidents = new IncidentStore();

    @OnEachBackend
    void aWindowMovesThroughItsStatusesAtItsTimes(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService maintenance = maintenance(database, clock);
        long id = maintenance.schedule(window("web"), ADA);

        List<MaintenanceStatus> seen = new java.util.ArrayList<>();
        for (String at : List.of("09:59:59", "10:00:02", "10:53:59", "10:54:03", "11:00:01")) {
            clock.set(Instant.parse("2026-11-29T" + at + "Z"));
            maintenance.advance();
            seen.add(find(database, id).status());
        }

        assertThat(seen).containsExactly(MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS,
                MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING, MaintenanceStatus.COMPLETED);
        Maintenance done = find(database, id);
        assertThat(done.updates()).extracting(MaintenanceUpdate::status).containsExactly(MaintenanceStatus.COMPLETED,
                MaintenanceStatus.VERIFYING, MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.SCHEDULED);
        assertThat(done.updates()).extracting(MaintenanceUpdate::displayAt)
                .containsExactly(END, Instant.parse("2026-11-29T10:54:00Z"), START, SYNCED);
        assertThat(done.startedAt()).isEqualTo(START);
        assertThat(done.resolvedAt()).isEqualTo(END);
        assertThat(history(database, "web")).extracting(StatusChange::at, StatusChange::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SYNCED, ComponentStatus.OPERATIONAL),
                org.assertj.core.groups.Tuple.tuple(START, ComponentStatus.UNDER_MAINTENANCE),
                org.assertj.core.groups.Tuple.tuple(END, ComponentStatus.OPERATIONAL));
        assertThat(history(database, "api")).hasSize(1);
        List<String> audited = database.read(h -> new AuditLog().latest(h, 10)).stream().map(AuditLog.Entry::action).toList();
        assertThat(audited).containsExactly("maintenance.scheduled");
    }

    @OnEachBackend
    void aWindowEnteredDuringItsFirstMinuteIsDatedFromItsEntryNotBefore(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(START.plusSeconds(40));
        MaintenanceService maintenance = maintenance(database, clock);
        long id = maintenance.schedule(window("web"), ADA);

        maintenance.advance();

        assertThat(find(database, id).startedAt()).isEqualTo(START.plusSeconds(40));
        assertThat(history(database, "web")).extracting(StatusChange::at).last().isEqualTo(START.plusSeconds(40));
    }

    @OnEachBackend
    void aJobThatMissedTheWholeWindowStillWalksThroughEveryStatusOnce(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService maintenance = maintenance(database, clock);
        long id = maintenance.schedule(window("web"), ADA);

        clock.set(END.plus(Duration.ofHours(5)));
        maintenance.advance();
        maintenance.advance();

        assertThat(find(database, id).updates()).extracting(MaintenanceUpdate::displayAt)
                .containsExactly(END, Instant.parse("2026-11-29T10:54:00Z"), START, SYNCED);
        assertThat(componentStatus(database, "web")).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @OnEachBackend
    void aRestartedJobDoesNotRepeatATransition(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        long id = maintenance(database, clock).schedule(window("web"), ADA);
        clock.set(START.plusSeconds(1));
        maintenance(database, clock).advance();
        database.close();

        Database reopened = backend.open();
        clock.set(START.plusSeconds(6));
        maintenance(reopened, clock).advance();
        boolean movedAgain = reopened.write(h -> store.move(h, id, MaintenanceStatus.SCHEDULED,
                MaintenanceStatus.IN_PROGRESS, null, START.plusSeconds(7)));

        assertThat(movedAgain).as("compare-and-set on the stored status").isFalse();
        assertThat(find(reopened, id).updates()).extracting(MaintenanceUpdate::status)
                .containsExactly(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.SCHEDULED);
        assertThat(history(reopened, "web")).extracting(StatusChange::to)
                .containsExactly(ComponentStatus.OPERATIONAL, ComponentStatus.UNDER_MAINTENANCE);
    }

    @OnEachBackend
    void twoJobsOnOneDatabaseApplyEachStepOnce(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService first = maintenance(database, clock);
        MaintenanceService second = maintenance(backend.open(), clock);
        long id = first.schedule(window("web"), ADA);

        clock.set(END.plusSeconds(1));
        List<RuntimeException> lost = race(first::advance, second::advance);
        first.advance(); // the next run, for a job that lost the race

        assertThat(find(database, id).updates()).hasSize(4);
        assertThat(history(database, "web")).hasSize(3);
        // SQLite has one writer: a loser may find the database locked rather than the window moved, and tries again
        // at its next run. PostgreSQL waits for the winner, and the compare-and-set then changes nothing.
        assertThat(lost).allSatisfy(e -> assertThat(e).hasMessageContaining("locked"));
    }

    @OnEachBackend
    void aFailureInsideAWindowIsRecordedButOpensNoOutageAndNoIncident(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        OutageService detection = outageService(database, clock);
        MaintenanceService maintenance = maintenance(database, clock, detection);
        maintenance.schedule(window("web"), ADA);
        clock.set(START);
        maintenance.advance();

        check(detection, clock, START.plusSeconds(60), Outcome.DOWN);
        check(detection, clock, START.plusSeconds(120), Outcome.DOWN);

        assertThat(count(database, "check_results")).isEqualTo(2);
        assertThat(probeStatus(database)).isEqualTo("DOWN");
        assertThat(count(database, "outages")).isZero();
        assertThat(count(database, "incidents")).isZero();
        assertThat(componentStatus(database, "web")).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
    }

    @OnEachBackend
    void aComponentStillFailingWhenItsWindowEndsOpensItsOutageThen(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        OutageService detection = outageService(database, clock);
        MaintenanceService maintenance = maintenance(database, clock, detection);
        maintenance.schedule(window("web"), ADA);
        clock.set(START);
        maintenance.advance();
        check(detection, clock, START.plusSeconds(60), Outcome.DOWN);
        check(detection, clock, START.plusSeconds(120), Outcome.DOWN);

        clock.set(END.plusSeconds(3));
        maintenance.advance();

        List<Outage> opened = database.read(h -> outages.since(h, SYNCED));
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).startedAt()).isEqualTo(END);
        assertThat(opened.get(0).firstFailureReason()).isEqualTo("connection refused");
        assertThat(openIncident(database)).isPresent();
        assertThat(history(database, "web")).extracting(StatusChange::at, StatusChange::to).endsWith(
                org.assertj.core.groups.Tuple.tuple(START, ComponentStatus.UNDER_MAINTENANCE),
                org.assertj.core.groups.Tuple.tuple(END, ComponentStatus.MAJOR_OUTAGE));
    }

    @OnEachBackend
    void timeUnderMaintenanceDoesNotCountAgainstUptime(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        OutageService detection = outageService(database, clock);
        MaintenanceService maintenance = maintenance(database, clock, detection);
        maintenance.schedule(window("web"), ADA);
        clock.set(START);
        maintenance.advance();
        check(detection, clock, START.plusSeconds(60), Outcome.DOWN);
        check(detection, clock, START.plusSeconds(120), Outcome.DOWN);
        check(detection, clock, END.minusSeconds(120), Outcome.UP);
        check(detection, clock, END.minusSeconds(60), Outcome.UP);
        clock.set(END);
        maintenance.advance();

        Instant evening = Instant.parse("2026-11-29T20:00:00Z");
        List<DayUptime> days = new UptimeCalculator(ZONE).daily(history(database, "web"),
                List.of(new Interval(SYNCED, evening)), SYNCED, evening, 1);

        assertThat(days.get(0).uptime()).isEqualTo(1.0);
        assertThat(days.get(0).majorOutage()).isZero();
        assertThat(count(database, "outages")).isZero();
        assertThat(componentStatus(database, "web")).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @OnEachBackend
    void anOutageOpenWhenTheWindowStartsStaysOpenAndClosesOnRecovery(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        OutageService detection = outageService(database, clock);
        MaintenanceService maintenance = maintenance(database, clock, detection);
        maintenance.schedule(window("web"), ADA);
        check(detection, clock, START.minusSeconds(120), Outcome.DOWN);
        check(detection, clock, START.minusSeconds(60), Outcome.DOWN);
        clock.set(START);
        maintenance.advance();

        assertThat(openOutage(database)).isPresent();
        assertThat(componentStatus(database, "web")).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);

        check(detection, clock, START.plusSeconds(60), Outcome.UP);
        check(detection, clock, START.plusSeconds(120), Outcome.UP);

        assertThat(openOutage(database)).isEmpty();
        assertThat(openIncident(database)).isEmpty();
        assertThat(componentStatus(database, "web")).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
    }

    @OnEachBackend
    void aRecurringSeriesStoresItsComingWindowsOnce(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService maintenance = maintenance(database, clock);
        NewMaintenance daily = new NewMaintenance("Nightly backup", "", List.of("api"), START, END, "FREQ=DAILY;COUNT=15");

        long first = maintenance.schedule(daily, ADA);
        maintenance.advance();

        assertThat(starts(database)).hasSize(MaintenanceService.SERIES_WINDOWS_AHEAD).startsWith(START)
                .endsWith(START.plus(Duration.ofDays(9)));
        assertThat(find(database, first).seriesId()).isEqualTo(first);

        clock.set(START.plus(Duration.ofDays(7)).plusSeconds(1));
        maintenance.advance();
        maintenance.advance();

        assertThat(starts(database)).hasSize(15).doesNotHaveDuplicates().endsWith(START.plus(Duration.ofDays(14)));
        assertThat(count(database, "maintenances WHERE status = 'completed'")).isEqualTo(7);
    }

    @OnEachBackend
    void cancellingASeriesEndsTheCurrentWindowAndStopsTheRest(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService maintenance = maintenance(database, clock);
        maintenance.schedule(new NewMaintenance("Nightly backup", "", List.of("api"), START, END, "FREQ=DAILY"), ADA);
        clock.set(START.plusSeconds(30));
        maintenance.advance();
        long current = current(database).get(0).id();

        clock.set(START.plusSeconds(90));
        maintenance.cancel(current, true, ADA);
        clock.set(START.plus(Duration.ofDays(30)));
        maintenance.advance();

        Maintenance cancelled = find(database, current);
        assertThat(cancelled.status()).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThat(cancelled.cancelledAt()).isEqualTo(START.plusSeconds(90));
        assertThat(cancelled.updates().get(0).body()).isEqualTo("The maintenance has ended early.");
        assertThat(current(database)).isEmpty();
        assertThat(starts(database)).hasSize(MaintenanceService.SERIES_WINDOWS_AHEAD);
        assertThat(componentStatus(database, "api")).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(history(database, "api")).extracting(StatusChange::at).last().isEqualTo(START.plusSeconds(90));
    }

    @OnEachBackend
    void theCalendarKnowsWhichComponentIsInMaintenanceWhen(TestDatabase backend) {
        Database database = webAndApi(backend);
        ManualClock clock = new ManualClock(SYNCED);
        MaintenanceService maintenance = maintenance(database, clock);
        long id = maintenance.schedule(window("web"), ADA);

        assertThat(covers(database, "web", START.minusMillis(1))).isFalse();
        assertThat(covers(database, "web", START)).isTrue();
        assertThat(covers(database, "api", START)).isFalse();
        assertThat(covers(database, "web", END)).isFalse();

        clock.set(START.plusSeconds(600));
        maintenance.cancel(id, false, ADA);

        assertThat(covers(database, "web", START.plusSeconds(599))).isTrue();
        assertThat(covers(database, "web", START.plusSeconds(600))).isFalse();
    }

    private static NewMaintenance window(String componentId) {
        return new NewMaintenance("Database upgrade", "We upgrade the **database**.", List.of(componentId), START, END,
                null);
    }

    private MaintenanceService maintenance(Database database, ManualClock clock) {
        return maintenance(database, clock, outageService(database, clock));
    }

    private MaintenanceService maintenance(Database database, ManualClock clock, OutageService detection) {
        return new MaintenanceService(database, store, components, detection, new AuditLog(), ZONE, clock, () -> { });
    }

    private OutageService outageService(Database database, ManualClock clock) {
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, components,
                new AutoIncidents(incidents, outages, new TimeFormat(ZONE)), new MaintenanceCalendar(),
                Map.of("web-home", new Thresholds(2, 2), "api-ping", new Thresholds(2, 2)), clock, () -> { });
    }

    private static void check(OutageService detection, ManualClock clock, Instant at, Outcome outcome) {
        clock.set(at.plusMillis(200));
        detection.record(CheckResult.of("web-home", at, outcome, outcome == Outcome.DOWN ? "connection refused" : "OK"));
    }

    private java.util.Optional<Outage> openOutage(Database database) {
        return database.read(h -> outages.openFor(h, "web-home"));
    }

    private java.util.Optional<Long> openIncident(Database database) {
        return database.read(h -> incidents.openAutoIncidentOf(h, "web"));
    }

    private List<Maintenance> current(Database database) {
        return database.read(store::current);
    }

    private static boolean covers(Database database, String componentId, Instant at) {
        return database.read(h -> new MaintenanceCalendar().covers(h, componentId, at));
    }

    private Maintenance find(Database database, long id) {
        return database.read(h -> store.find(h, id)).orElseThrow();
    }

    private List<StatusChange> history(Database database, String componentId) {
        return database.read(h -> components.history(h, Instant.EPOCH)).stream()
                .filter(c -> c.componentId().equals(componentId)).toList();
    }

    private ComponentStatus componentStatus(Database database, String componentId) {
        return database.read(h -> components.find(h, componentId)).orElseThrow().status();
    }

    private static String probeStatus(Database database) {
        return database.read(h -> h.createQuery("SELECT status FROM probes WHERE id = 'web-home'").mapTo(String.class).one());
    }

    private static List<Instant> starts(Database database) {
        return database.read(h -> h.createQuery("SELECT scheduled_for FROM maintenances ORDER BY scheduled_for")
                .mapTo(Long.class).list()).stream().map(Instant::ofEpochMilli).toList();
    }

    private static long count(Database database, String tableAndCondition) {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM " + tableAndCondition).mapTo(Long.class).one());
    }

    /** Runs the jobs at once; returns what they threw. */
    private static List<RuntimeException> race(Runnable... jobs) {
        List<RuntimeException> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = java.util.Arrays.stream(jobs).map(job -> new Thread(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return thrown;
    }

    private static Database webAndApi(TestDatabase backend) {
        Database database = backend.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                  - id: api
                    name: Public API
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                  - id: api-ping
                    component: api
                    url: http://api.test/ping
                """), SYNCED);
        return database;
    }
}
