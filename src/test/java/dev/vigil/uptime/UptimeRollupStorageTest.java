package dev.vigil.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.components.ComponentStatus;
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
import dev.vigil.probes.Outcome;
import dev.vigil.probes.RetentionJob;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The bars' daily uptime from the roll-ups, on a site in Paris: the web component is checked every minute
 * through the real write path on Nov 20, 2026, and read the next day. Vigil ran all along. Docs has no probe.
 */
class UptimeRollupStorageTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant MIDNIGHT = DAY.atStartOfDay(ZONE).toInstant();
    private static final Instant CREATED = MIDNIGHT.minus(Duration.ofDays(2));

    private final CheckStore checks = new CheckStore();
    private final ManualClock clock = new ManualClock(CREATED);
    private Database database;
    private MonitorSessions sessions;

    @OnEachBackend
    void aStretchOfSkippedChecksIsNoDataNeitherUpNorDown(TestDatabase store) {
        watchFromTheStart(store);
        // 10:00 to 12:00 every check was skipped (the host's limit was busy, say).
        checkTheDay(minute -> minute >= 600 && minute < 720 ? Outcome.SKIPPED : Outcome.UP);

        DayUptime day = theDay("web");

        assertThat(day.observed()).isEqualTo(Duration.ofHours(22));
        assertThat(day.uptime()).isEqualTo(1.0);
    }

    @OnEachBackend
    void skippedChecksInTheMiddleOfAnOutageCountNeitherAsDowntimeNorAsUptime(TestDatabase store) {
        watchFromTheStart(store);
        // Down from 10:00 to 13:00; from 11:00 to 12:00 the checks were skipped.
        checkTheDay(minute -> minute >= 660 && minute < 720 ? Outcome.SKIPPED
                : minute >= 600 && minute < 780 ? Outcome.DOWN : Outcome.UP);

        DayUptime day = theDay("web");

        assertThat(day.majorOutage()).isEqualTo(Duration.ofHours(2));
        assertThat(day.observed()).isEqualTo(Duration.ofHours(23));
        assertThat(day.uptime()).isCloseTo(1 - 2.0 / 23, within(1e-9));
        assertThat(day.worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }

    @OnEachBackend
    void aProbeCheckedEveryFiveMinutesVouchesForTheWholeOfEachInterval(TestDatabase store) {
        watchFromTheStart(store);
        OutageService recorder = recorder();
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            Instant due = MIDNIGHT.plus(Duration.ofMinutes(minute));
            clock.set(due.plusSeconds(1));
            recorder.recordAll(List.of(new CheckResult("web-home", due, due, Duration.ofMillis(90), null, Outcome.UP,
                    "OK", 200, Duration.ofMinutes(5))));
        }
        clock.set(MIDNIGHT.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)));
        checkRollups().run();
        uptimeRollups().run();

        assertThat(theDay("web").observed()).isEqualTo(Duration.ofHours(24));
    }

    @OnEachBackend
    void aDayOfOnlySkippedChecksHasNoData(TestDatabase store) {
        watchFromTheStart(store);
        checkTheDay(minute -> Outcome.SKIPPED);

        DayUptime day = theDay("web");

        assertThat(day.hasData()).isFalse();
        assertThat(day.uptime()).isNull();
    }

    @OnEachBackend
    void aComponentWithoutProbesIsWatchedWhileVigilRuns(TestDatabase store) {
        watchFromTheStart(store);
        checkTheDay(minute -> Outcome.SKIPPED);

        DayUptime docs = theDay("docs");

        assertThat(docs.observed()).isEqualTo(Duration.ofHours(24));
        assertThat(docs.uptime()).isEqualTo(1.0);
    }

    @OnEachBackend
    void retentionRemovesTheRawResultsButTheDaysUptimeStaysTheSame(TestDatabase store) {
        watchFromTheStart(store);
        checkTheDay(minute -> minute >= 660 && minute < 720 ? Outcome.SKIPPED
                : minute >= 600 && minute < 780 ? Outcome.DOWN : Outcome.UP);
        DayUptime before = theDay("web");

        clock.set(MIDNIGHT.plus(Duration.ofDays(16)));
        int deleted = new RetentionJob(database, checks, checkRollups(), new CheckRollupStore(), Duration.ofDays(14),
                clock).run();
        uptimeRollups().run();

        assertThat(deleted).isEqualTo(24 * 60);
        long left = database.read(h -> checks.count(h));
        assertThat(left).isZero();
        assertThat(theDay("web")).isEqualTo(before);
    }

    @OnEachBackend
    void runningTheRollUpsAgainAfterARestartNeverCountsAnythingTwice(TestDatabase store) {
        watchFromTheStart(store);
        checkTheDay(minute -> minute >= 600 && minute < 630 ? Outcome.DOWN : Outcome.UP);
        DayUptime before = theDay("web");
        List<?> checkRollupsBefore = database.read(h -> new CheckRollupStore().all(h,
                dev.vigil.probes.RollupPeriod.DAY)).stream().map(Object::toString).toList();

        // New instances, as after a restart, each run twice.
        for (int run = 0; run < 2; run++) {
            checkRollups().run();
            uptimeRollups().run();
        }

        assertThat(theDay("web")).isEqualTo(before);
        assertThat(before.majorOutage()).isEqualTo(Duration.ofMinutes(30));
        assertThat(database.read(h -> new CheckRollupStore().all(h, dev.vigil.probes.RollupPeriod.DAY))
                .stream().map(Object::toString).toList()).isEqualTo(checkRollupsBefore);
    }

    @OnEachBackend
    void theDaysBeforeTheFirstRunKeepTheUptimeOfTheirStatusHistory(TestDatabase store) {
        database = withWebAndDocs(store);
        sessions = new MonitorSessions(database, clock);
        sessions.begin();
        // Before roll-ups existed (an upgrade): an hour's outage the day before, with no raw results left.
        Instant outage = MIDNIGHT.minus(Duration.ofHours(14));
        database.write(h -> {
            new ComponentStore().changeStatus(h, "web", ComponentStatus.MAJOR_OUTAGE, outage, "test");
            new ComponentStore().changeStatus(h, "web", ComponentStatus.OPERATIONAL, outage.plus(Duration.ofHours(1)), "test");
            return null;
        });
        clock.set(MIDNIGHT.plus(Duration.ofHours(8)));

        uptimeRollups().run();

        DayUptime dayBefore = days("web", 2).get(0);
        assertThat(dayBefore.date()).isEqualTo(DAY.minusDays(1));
        assertThat(dayBefore.majorOutage()).isEqualTo(Duration.ofHours(1));
        assertThat(dayBefore.observed()).isEqualTo(Duration.ofHours(24));
    }

    /** Vigil runs from when the components were added; the roll-ups first run at midnight before the day. */
    private void watchFromTheStart(TestDatabase store) {
        database = withWebAndDocs(store);
        sessions = new MonitorSessions(database, clock);
        sessions.begin();
        clock.set(MIDNIGHT);
        uptimeRollups().run();
    }

    /** One check a minute through the real write path, in batches of ten, with the roll-ups run every hour. */
    private void checkTheDay(IntFunction<Outcome> outcomeAt) {
        OutageService recorder = recorder();
        List<CheckResult> batch = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant due = MIDNIGHT.plus(Duration.ofMinutes(minute));
            Outcome outcome = outcomeAt.apply(minute);
            batch.add(new CheckResult("web-home", due, due.plusMillis(5), Duration.ofMillis(outcome == Outcome.SKIPPED ? 0 : 120),
                    null, outcome, outcome == Outcome.UP ? "OK" : "status 503", outcome == Outcome.SKIPPED ? null : 200));
            if (batch.size() == 10) {
                clock.set(due.plusSeconds(1));
                recorder.recordAll(batch);
                batch = new ArrayList<>();
            }
            if (minute % 60 == 59) {
                checkRollups().run();
                uptimeRollups().run();
            }
        }
        clock.set(MIDNIGHT.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)));
        checkRollups().run();
        uptimeRollups().run();
    }

    /** Nov 20 as the bars show it, read at the clock's time. */
    private DayUptime theDay(String componentId) {
        return days(componentId, 30).stream().filter(d -> d.date().equals(DAY)).findFirst().orElseThrow();
    }

    private List<DayUptime> days(String componentId, int count) {
        Map<String, List<DayUptime>> days = database.read(h -> new UptimeHistory(ZONE).daily(h,
                new ComponentStore().all(h), clock.instant(), count));
        return days.get(componentId);
    }

    private UptimeRollups uptimeRollups() {
        return new UptimeRollups(database, new ComponentStore(), new ProbeStateStore(), checks, sessions, ZONE, clock);
    }

    private CheckRollups checkRollups() {
        return new CheckRollups(database, checks, new CheckRollupStore(), ZONE);
    }

    private OutageService recorder() {
        OutageStore outages = new OutageStore();
        return new OutageService(database, checks, new ProbeStateStore(), outages, new ComponentStore(),
                new AutoIncidents(new IncidentStore(), outages, new TimeFormat(ZONE)), new MaintenanceCalendar(),
                Map.of("web-home", new Thresholds(2, 2)), clock, () -> { });
    }

    private static Database withWebAndDocs(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                  - id: docs
                    name: Documentation
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/
                """), CREATED);
        return database;
    }
}
