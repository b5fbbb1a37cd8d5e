package dev.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.statuspage.StatusData;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * An automatic incident's impact follows how much of the service its component takes down, rises
 * as more of it fails, and stays as staff set it once they corrected it.
 */
class AutoIncidentImpactStorageTest {
    private static final Instant SYNCED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    /** web is essential and has two probes; api is one probe of a component that is not. */
    private static final String YAML = """
            components:
              - id: web
                name: Web application
                essential: true
              - id: api
                name: API
            probes:
              - {id: web-home, component: web, url: "http://web.test/health", failures_to_open: 1}
              - {id: web-login, component: web, url: "http://web.test/login", failures_to_open: 1}
              - {id: api-health, component: api, url: "http://api.test/health", failures_to_open: 1}
            """;

    private final IncidentStore incidents = new IncidentStore();
    private final OutageStore outages = new OutageStore();
    private final ImpactChanges impacts = new ImpactChanges();
    private final ManualClock clock = new ManualClock(T0);
    private int minute;

    @OnEachBackend
    void theImpactRisesAsMoreOfTheComponentFailsAndEachRiseIsARow(TestDatabase store) {
        Database database = synced(store);
        long incident = fail(database, "web-home");
        assertThat(impact(database, incident)).as("an essential component partly down").isEqualTo(Impact.MAJOR);

        fail(database, "web-login");

        assertThat(impact(database, incident)).as("an essential component wholly down").isEqualTo(Impact.CRITICAL);
        assertThat(changes(database, incident)).containsExactly(new ImpactChanges.Change(incident,
                T0.plus(Duration.ofMinutes(2)), Impact.MAJOR, Impact.CRITICAL, AutoIncidents.SOURCE, null));
    }

    @OnEachBackend
    void aStaffCorrectionSticksWhenMoreFailsLater(TestDatabase store) {
        Database database = synced(store);
        long incident = fail(database, "web-home");
        Instant corrected = T0.plus(Duration.ofSeconds(90));
        boolean changed = database.write(h -> impacts.correct(h, incident, Impact.MINOR, corrected, "user:2",
                "Grace Hopper"));

        fail(database, "web-login");

        assertThat(changed).isTrue();
        Incident after = database.read(h -> incidents.find(h, incident)).orElseThrow();
        assertThat(after.impact()).isEqualTo(Impact.MINOR);
        assertThat(after.impactCorrected()).isTrue();
        assertThat(after.updates().get(0).body()).isEqualTo(
                "Web application has now stopped responding altogether. We are still looking into it.");
        assertThat(changes(database, incident)).containsExactly(new ImpactChanges.Change(incident,
                corrected, Impact.MAJOR, Impact.MINOR, "user:2", "Grace Hopper"));
    }

    @OnEachBackend
    void anIncidentIsRatedByItsOwnComponentWhileThePageFollowsThemAll(TestDatabase store) {
        Database database = synced(store);
        fail(database, "web-home");
        fail(database, "web-login");
        long api = fail(database, "api-health");

        assertThat(impact(database, api)).as("one component of two, not essential").isEqualTo(Impact.MAJOR);
        assertThat(overall(database)).isEqualTo("critical");
    }

    @OnEachBackend
    void aCorrectedImpactCanRaiseThePageButNotHideWhatTheComponentsSay(TestDatabase store) {
        Database database = synced(store);
        long api = fail(database, "api-health");
        assertThat(overall(database)).isEqualTo("major");

        database.write(h -> impacts.correct(h, api, Impact.CRITICAL, clock.instant(), "user:2", "Grace Hopper"));
        assertThat(overall(database)).isEqualTo("critical");

        database.write(h -> impacts.correct(h, api, Impact.MINOR, clock.instant(), "user:2", "Grace Hopper"));
        assertThat(overall(database)).isEqualTo("major");
    }

    @OnEachBackend
    void settingTheSameImpactAgainRecordsTheDecisionOnce(TestDatabase store) {
        Database database = synced(store);
        long api = fail(database, "api-health");

        boolean first = database.write(h -> impacts.correct(h, api, Impact.MAJOR, clock.instant(), "user:2", "Grace"));
        boolean second = database.write(h -> impacts.correct(h, api, Impact.MAJOR, clock.instant(), "user:2", "Grace"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(changes(database, api)).hasSize(1);
        assertThat(database.read(h -> incidents.find(h, api)).orElseThrow().impactCorrected()).isTrue();
    }

    /** One failing check of the probe, a minute after the last: enough to open its outage. Returns its incident. */
    private long fail(Database database, String probeId) {
        Instant at = T0.plus(Duration.ofMinutes(++minute));
        clock.set(at);
        service(database).record(CheckResult.of(probeId, at, Outcome.DOWN, "status 503, expected 200"));
        return database.read(h -> outages.openFor(h, probeId)).orElseThrow().incidentId();
    }

    private List<ImpactChanges.Change> changes(Database database, long incident) {
        return database.read(h -> impacts.of(h, incident));
    }

    private Impact impact(Database database, long incident) {
        return database.read(h -> incidents.find(h, incident)).orElseThrow().impact();
    }

    private String overall(Database database) {
        return database.read(h -> new StatusData(clock.instant(), new ComponentStore().all(h), Map.of(),
                incidents.unresolved(h), List.of(), List.of(), List.of())).overall().indicator();
    }

    private OutageService service(Database database) {
        Thresholds once = new Thresholds(1, 1);
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, new ComponentStore(),
                new AutoIncidents(incidents, outages, new TimeFormat(ZoneId.of("UTC"))), new MaintenanceCalendar(),
                Map.of("web-home", once, "web-login", once, "api-health", once), clock, () -> { });
    }

    private static Database synced(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse(YAML), SYNCED);
        return database;
    }
}
