package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
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
import java.util.Optional;

/** However a probe is retired while down, its outage closes, its incident resolves and its component settles. */
class ProbeRetirementStorageTest {
    private static final Instant SYNCED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant REMOVED = T0.plus(Duration.ofMinutes(30));
    private static final String BOTH_PROBES = """
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://web.test/health
                failures_to_open: 2
              - id: web-login
                component: web
                url: http://web.test/login
                failures_to_open: 2
            """;
    private static final String LOGIN_ONLY = """
            components:
              - id: web
                name: Web application
            probes:
              - id: web-login
                component: web
                url: http://web.test/login
                failures_to_open: 2
            """;

    private final OutageStore outages = new OutageStore();
    private final IncidentStore incidents = new IncidentStore();
    private final ComponentStore components = new ComponentStore();
    private final ProbeStateStore probes = new ProbeStateStore();

    @OnEachBackend
    void aProbeDroppedFromVigilYmlWhileDownClosesItsOutageAndResolvesItsIncident(TestDatabase store) {
        Database database = synced(store, BOTH_PROBES);
        long incidentId = goDown(database, "web-home");
        assertThat(component(database)).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);

        Configs.sync(database, Configs.parse(LOGIN_ONLY), REMOVED);

        Outage closed = database.read(h -> outages.forIncident(h, incidentId)).get(0);
        assertThat(closed.endedAt()).isEqualTo(REMOVED);
        assertThat(closed.endReason()).isEqualTo(Outage.PROBE_REMOVED);
        assertThat(closed.recoveryConfirmedAt()).isNull();
        assertThat(closed.endedWithoutRecovery()).isTrue();
        assertThat(openOutage(database, "web-home")).isEmpty();
        assertThat(database.read(h -> probes.load(h, "web-home")).orElseThrow().state()).isEqualTo(ProbeState.initial());
        assertThat(probeHistory(database, "web-home"))
                .containsExactly("UP -> DOWN: status 503", "DOWN -> UP: probe removed: monitoring stopped");
        assertThat(component(database)).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(history(database)).last().isEqualTo(new StatusChange("web",
                REMOVED, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "probe web-home removed"));

        Incident incident = database.read(h -> incidents.find(h, incidentId)).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.updates().get(0).body())
                .contains("We stopped checking Web application automatically")
                .contains("does not mean the service recovered").doesNotContain("working again")
                .doesNotContain("web-home");
        assertThat(incident.updates().get(0).affectedComponents()).containsExactly(
                new AffectedComponent("web", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL));
        Optional<Long> stillOpen = database.read(h -> incidents.openAutoIncidentOf(h, "web"));
        assertThat(stillOpen).isEmpty();
    }

    @OnEachBackend
    void anIncidentStaysOpenWhileAnotherProbeOfItIsStillDown(TestDatabase store) {
        Database database = synced(store, BOTH_PROBES);
        long incidentId = goDown(database, "web-home");
        assertThat(goDown(database, "web-login")).isEqualTo(incidentId);

        Configs.sync(database, Configs.parse(LOGIN_ONLY), REMOVED);

        assertThat(openOutage(database, "web-home")).isEmpty();
        assertThat(openOutage(database, "web-login")).isPresent();
        assertThat(database.read(h -> incidents.find(h, incidentId)).orElseThrow().status())
                .isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(component(database)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }

    @OnEachBackend
    void aProbeRemovedInTheConsoleClosesItsOutageInTheSameWay(TestDatabase store) {
        Database database = synced(store, BOTH_PROBES);
        long incidentId = goDown(database, "web-home");

        database.write(h -> {
            Configs.sync().retireProbe(h, "web-home", REMOVED);
            return null;
        });

        assertThat(database.read(h -> outages.forIncident(h, incidentId)).get(0).endReason())
                .isEqualTo(Outage.PROBE_REMOVED);
        assertThat(database.read(h -> incidents.find(h, incidentId)).orElseThrow().status())
                .isEqualTo(IncidentStatus.RESOLVED);
        assertThat(component(database)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @OnEachBackend
    void aRetiredComponentsProbesCloseTheirOutagesAndItsIncidentResolves(TestDatabase store) {
        Database database = synced(store, BOTH_PROBES);
        long incidentId = goDown(database, "web-home");

        Configs.sync(database, Configs.parse("""
                components:
                  - id: docs
                    name: Documentation
                """), REMOVED);

        assertThat(openOutage(database, "web-home")).isEmpty();
        Incident incident = database.read(h -> incidents.find(h, incidentId)).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.updates().get(0).body()).contains("We stopped checking Web application automatically");
    }

    @OnEachBackend
    void aResultOfARetiredProbeThatWasStillInFlightIsDropped(TestDatabase store) {
        Database database = synced(store, BOTH_PROBES);
        ManualClock clock = new ManualClock(T0);
        OutageService service = outageService(database, clock);
        Configs.sync(database, Configs.parse(LOGIN_ONLY), REMOVED);

        service.record(CheckResult.of("web-home", REMOVED.plusSeconds(1), Outcome.DOWN, "status 503"));
        service.record(CheckResult.of("web-home", REMOVED.plusSeconds(2), Outcome.DOWN, "status 503"));

        assertThat(openOutage(database, "web-home")).isEmpty();
        long results = database.read(h -> h.createQuery("SELECT COUNT(*) FROM check_results WHERE probe_id = 'web-home'")
                .mapTo(Long.class).one());
        assertThat(results).isZero();
    }

    /** Two failing checks of the probe, which open its outage and an incident; returns the incident. */
    private long goDown(Database database, String probeId) {
        ManualClock clock = new ManualClock(T0);
        OutageService service = outageService(database, clock);
        for (int minute = 1; minute <= 2; minute++) {
            Instant at = T0.plus(Duration.ofMinutes(minute));
            clock.set(at);
            service.record(CheckResult.of(probeId, at, Outcome.DOWN, "status 503"));
        }
        return database.read(h -> outages.openFor(h, probeId)).orElseThrow().incidentId();
    }

    private OutageService outageService(Database database, ManualClock clock) {
        return new OutageService(database, new dev.vigil.probes.CheckStore(), probes, outages, components,
                new AutoIncidents(incidents, outages, new TimeFormat(ZoneId.of("UTC"))), new MaintenanceCalendar(),
                Map.of("web-home", new Thresholds(2, 1), "web-login", new Thresholds(2, 1)), clock, () -> { });
    }

    private static Database synced(TestDatabase store, String yaml) {
        Database database = store.open();
        Configs.sync(database, Configs.parse(yaml), SYNCED);
        return database;
    }

    private Optional<Outage> openOutage(Database database, String probeId) {
        return database.read(h -> outages.openFor(h, probeId));
    }

    private List<StatusChange> history(Database database) {
        return database.read(h -> components.history(h, SYNCED));
    }

    private ComponentStatus component(Database database) {
        return database.read(h -> components.findIncludingRetired(h, "web")).orElseThrow().status();
    }

    private static List<String> probeHistory(Database database, String probeId) {
        return database.read(h -> h.createQuery(
                        "SELECT from_status, to_status, reason FROM probe_status_changes WHERE probe_id = :id ORDER BY id")
                .bind("id", probeId)
                .map((rs, ctx) -> rs.getString("from_status") + " -> " + rs.getString("to_status") + ": "
                        + rs.getString("reason"))
                .list());
    }
}
