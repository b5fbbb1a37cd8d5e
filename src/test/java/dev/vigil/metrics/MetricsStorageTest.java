package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.metrics.ActionItemFigures.MonthRate;
import dev.vigil.metrics.ActionItemFigures.PriorityRow;
import dev.vigil.metrics.MetricsReport.ComponentRepeat;
import dev.vigil.metrics.MetricsReport.MonthCount;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeTransition;
import dev.vigil.probes.ProbeStatus;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** The metrics page's figures from real rows, on SQLite and PostgreSQL. "Now" is noon on Nov 25, 2026 in Los Angeles. */
class MetricsStorageTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");
    private static final Window THREE_MONTHS = new Window(3);

    private final IncidentStore incidents = new IncidentStore();
    private final OutageStore outages = new OutageStore();

    @OnEachBackend
    void incidentsAreCountedPerMonthWithTheirTimesToDetectAndResolve(TestDatabase store) {
        Database database = threeComponentsWithProbes(store);
        Instant a = Instant.parse("2026-10-10T10:00:00Z");
        long probeIncident = incident(database, "Web down", a, a, "probe", "web", "search");
        outage(database, "web-home", "web", a, a.plus(minutes(2)), probeIncident);
        outage(database, "search-health", "search", a.plus(minutes(1)), a.plus(minutes(3)), probeIncident);
        resolve(database, probeIncident, a.plus(minutes(32)));
        Instant b = Instant.parse("2026-11-02T18:00:00Z");
        long staffIncident = incident(database, "Slow pages", b, b.plus(minutes(10)), "staff", "web", "api");
        resolve(database, staffIncident, b.plus(minutes(70)));
        Instant c = Instant.parse("2026-09-05T16:00:00Z");
        long backfilled = incident(database, "Past search outage", c, NOW.minus(minutes(30)), "staff", "search");
        resolve(database, backfilled, c.plus(Duration.ofHours(1)));
        Instant d = Instant.parse("2026-11-20T08:00:00Z");
        long open = incident(database, "API errors", d, d.plus(minutes(6)), "probe", "web");
        outage(database, "web-home", "web", d, d.plus(minutes(6)), open);
        long merged = incident(database, "Web down again", a.plus(Duration.ofDays(1)), a.plus(Duration.ofDays(1)),
                "staff", "web");
        database.write(h -> h.createUpdate("UPDATE incidents SET merged_into_id = :into WHERE id = :id")
                .bind("into", probeIncident).bind("id", merged).execute());
        incident(database, "Before the window", Instant.parse("2026-08-15T10:00:00Z"),
                Instant.parse("2026-08-15T10:00:00Z"), "staff", "web");

        MetricsReport report = new MetricsQueries(database).report(THREE_MONTHS, ZONE, NOW);

        assertThat(report.incidents()).isEqualTo(4);
        assertThat(report.incidentsPerMonth()).containsExactly(new MonthCount(YearMonth.of(2026, 9), 1),
                new MonthCount(YearMonth.of(2026, 10), 1), new MonthCount(YearMonth.of(2026, 11), 2));
        assertThat(report.timeToDetect().count()).isEqualTo(2);
        assertThat(report.timeToDetect().median()).contains(minutes(2));
        assertThat(report.timeToDetect().p90()).contains(minutes(6));
        assertThat(report.withoutProbeEvidence()).isEqualTo(2);
        assertThat(report.timeToResolve().count()).isEqualTo(2);
        assertThat(report.timeToResolve().median()).contains(minutes(30));
        assertThat(report.timeToResolve().p90()).contains(minutes(60));
        assertThat(report.stillOpen()).isEqualTo(1);
        assertThat(report.recordedAfterResolution()).isEqualTo(1);
        assertThat(report.repeats()).containsExactly(new ComponentRepeat("web", "Web application", 3),
                new ComponentRepeat("search", "Search", 2));
    }

    @OnEachBackend
    void anEmptyStoreGivesZerosForEveryMonthAndNoFigures(TestDatabase store) {
        Database database = threeComponentsWithProbes(store);

        MetricsReport report = new MetricsQueries(database).report(THREE_MONTHS, ZONE, NOW);

        assertThat(report.hasIncidents()).isFalse();
        assertThat(report.incidentsPerMonth()).extracting(MonthCount::count).containsExactly(0, 0, 0);
        assertThat(report.timeToDetect().isEmpty()).isTrue();
        assertThat(report.timeToResolve().isEmpty()).isTrue();
        assertThat(report.repeats()).isEmpty();
        assertThat(report.actionItems().hasOpen()).isFalse();
        assertThat(report.actionItems().hasDone()).isFalse();
        assertThat(report.actionItems().onTimePercent()).isZero();
    }

    @OnEachBackend
    void openActionItemsAreCountedByAgeAndPriorityAndDoneOnesByWhetherTheyMetTheirDueDay(TestDatabase store) {
        Database database = threeComponentsWithProbes(store);
        long postmortem = PostmortemFixtures.in(database, Instant.parse("2026-06-01T00:00:00Z")).postmortem("Web down");
        item(database, postmortem, "P1", "open", "2026-11-24", "2026-11-20T18:00:00Z", null);
        item(database, postmortem, "P1", "in_progress", "2026-12-31", "2026-10-01T18:00:00Z", null);
        item(database, postmortem, "P2", "blocked", "2026-08-01", "2026-07-01T18:00:00Z", null);
        item(database, postmortem, "P3", "open", "2026-11-25", "2026-11-25T17:00:00Z", null);
        PostmortemFixtures.in(database).deleteItem(
                item(database, postmortem, "P4", "open", "2026-09-01", "2026-08-01T18:00:00Z", null), NOW);
        // 11:30 pm on its due day in Los Angeles is on time, although it is the next day in UTC.
        item(database, postmortem, "P2", "done", "2026-10-15", "2026-10-01T18:00:00Z", "2026-10-16T06:30:00Z");
        item(database, postmortem, "P2", "done", "2026-10-15", "2026-10-01T18:00:00Z", "2026-10-16T07:30:00Z");
        item(database, postmortem, "P3", "done", "2026-11-10", "2026-10-01T18:00:00Z", "2026-11-03T18:00:00Z");
        item(database, postmortem, "P3", "wont_do", "2026-11-10", "2026-10-01T18:00:00Z", "2026-11-04T18:00:00Z");
        item(database, postmortem, "P1", "done", "2026-08-10", "2026-08-01T18:00:00Z", "2026-08-20T18:00:00Z");
        long deleted = PostmortemFixtures.in(database, Instant.parse("2026-06-01T00:00:00Z")).postmortem("Deleted one");
        item(database, deleted, "P1", "open", "2026-09-01", "2026-08-01T18:00:00Z", null);
        PostmortemFixtures.in(database).deletePostmortem(deleted, NOW);

        ActionItemFigures items = new MetricsQueries(database).report(THREE_MONTHS, ZONE, NOW).actionItems();

        assertThat(items.open()).containsExactly(new PriorityRow("P1", List.of(1, 0, 1, 0), 2, 1),
                new PriorityRow("P2", List.of(0, 0, 0, 1), 1, 1), new PriorityRow("P3", List.of(1, 0, 0, 0), 1, 0),
                new PriorityRow("P4", List.of(0, 0, 0, 0), 0, 0));
        assertThat(items.openTotal()).isEqualTo(4);
        assertThat(items.overdueTotal()).isEqualTo(2);
        assertThat(items.done()).isEqualTo(3);
        assertThat(items.doneOnTime()).isEqualTo(2);
        assertThat(items.onTimePercent()).isEqualTo(67);
        assertThat(items.wontDo()).isEqualTo(1);
        assertThat(items.onTimeByMonth()).containsExactly(new MonthRate(YearMonth.of(2026, 9), 0, 0),
                new MonthRate(YearMonth.of(2026, 10), 2, 1), new MonthRate(YearMonth.of(2026, 11), 1, 1));
    }

    private long incident(Database database, String name, Instant startedAt, Instant createdAt, String source,
            String... componentIds) {
        return database.write(h -> {
            long id = incidents.create(h, new NewIncident(name, IncidentStatus.INVESTIGATING, Impact.MAJOR, startedAt,
                    createdAt, source, null));
            for (String componentId : componentIds) {
                incidents.addComponent(h, id, componentId);
            }
            return id;
        });
    }

    private void resolve(Database database, long incidentId, Instant at) {
        database.write(h -> incidents.addUpdate(h, incidentId, IncidentStatus.RESOLVED, "Resolved.", at, at, List.of()));
    }

    private void outage(Database database, String probeId, String componentId, Instant firstFailure, Instant confirmed,
            long incidentId) {
        database.write(h -> {
            long id = outages.open(h, probeId, componentId,
                    new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, firstFailure, confirmed, "status 503"));
            outages.attachToIncident(h, id, incidentId);
            outages.close(h, probeId, new ProbeTransition(ProbeStatus.DOWN, ProbeStatus.UP, confirmed.plus(minutes(20)),
                    confirmed.plus(minutes(21)), "checks pass"));
            return null;
        });
    }

    private static long item(Database database, long postmortem, String priority, String status, String dueOn,
            String createdAt, String completedAt) {
        return PostmortemFixtures.in(database).item(postmortem, priority + " " + status).priority(priority)
                .status(status).due(LocalDate.parse(dueOn)).createdAt(Instant.parse(createdAt))
                .completedAt(completedAt == null ? null : Instant.parse(completedAt)).add();
    }

    private static Database threeComponentsWithProbes(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                  - id: search
                    name: Search
                  - id: api
                    name: Public API
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                  - id: search-health
                    component: search
                    url: http://search.test/health
                """), Instant.parse("2026-01-01T00:00:00Z"));
        return database;
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
