package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
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

class OutageStorageTest {
    private static final Instant SYNCED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    // Results are recorded a moment after their check started, as a real check takes a while.
    private static final Duration RECORDING_DELAY = Duration.ofMillis(250);

    private final OutageStore outages = new OutageStore();
    private final IncidentStore incidents = new IncidentStore();
    private final ComponentStore components = new ComponentStore();

    @OnEachBackend
    void aProbeThatGoesDownAndComesBackLeavesOneClosedOutageAndOneResolvedIncident(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ManualClock clock = new ManualClock(T0);
        OutageService service = outageService(database, clock);
        Instant firstFailure = minute(1);
        Instant confirmed = minute(3);
        Instant firstSuccess = minute(5);
        Instant recovered = minute(6);

        List<Optional<ProbeTransition>> transitions = List.of(
                record(service, clock, minute(0), Outcome.UP, "OK"),
                record(service, clock, firstFailure, Outcome.DOWN, "connection refused"),
                record(service, clock, minute(2), Outcome.DOWN, "status 503"),
                record(service, clock, confirmed, Outcome.DOWN, "status 503"),
                record(service, clock, minute(4), Outcome.DOWN, "connection refused"),
                record(service, clock, firstSuccess, Outcome.UP, "OK"),
                record(service, clock, recovered, Outcome.UP, "OK"));

        assertThat(transitions).containsExactly(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, firstFailure, confirmed,
                        "connection refused")),
                Optional.empty(), Optional.empty(),
                Optional.of(new ProbeTransition(ProbeStatus.DOWN, ProbeStatus.UP, firstSuccess, recovered,
                        "checks pass again")));
        List<Outage> stored = allOutages(database);
        assertThat(stored).hasSize(1);
        Outage outage = stored.get(0);
        assertThat(outage).isEqualTo(new Outage(outage.id(), "web-home", "web", firstFailure, confirmed,
                "connection refused", firstSuccess, recovered, outage.incidentId(), null, 3));

        List<Long> incidentIds = database.read(h -> h.createQuery("SELECT id FROM incidents").mapTo(Long.class).list());
        assertThat(incidentIds).containsExactly(outage.incidentId());
        Incident incident = database.read(h -> incidents.find(h, outage.incidentId())).orElseThrow();
        assertThat(incident.name()).isEqualTo("Web application is unavailable");
        assertThat(incident.source()).isEqualTo(AutoIncidents.SOURCE);
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.impact()).isEqualTo(Impact.CRITICAL);
        assertThat(incident.startedAt()).isEqualTo(firstFailure);
        assertThat(incident.createdAt()).isEqualTo(confirmed.plus(RECORDING_DELAY));
        assertThat(incident.resolvedAt()).isEqualTo(recovered.plus(RECORDING_DELAY));
        assertThat(incident.componentIds()).containsExactly("web");
        assertThat(incident.updates()).extracting(IncidentUpdate::status)
                .containsExactly(IncidentStatus.RESOLVED, IncidentStatus.INVESTIGATING);
        IncidentUpdate resolution = incident.updates().get(0);
        assertThat(resolution.body())
                .isEqualTo("Web application is working again. It was unavailable for 4 minutes, from 2:01 AM to 2:05 AM PST.");
        assertThat(resolution.affectedComponents()).containsExactly(
                new AffectedComponent("web", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL));
        // What customers read says what they can do; the checks' evidence is the outage's, for staff.
        assertThat(incident.updates().get(1).body()).isEqualTo("Web application is not responding. We are looking into it.");
        Optional<Long> stillOpen = database.read(h -> incidents.openAutoIncidentOf(h, "web"));
        assertThat(stillOpen).isEmpty();

        List<StatusChange> history = database.read(h -> components.history(h, SYNCED));
        assertThat(history).containsExactly(
                new StatusChange("web", SYNCED, null, ComponentStatus.OPERATIONAL, "component added"),
                new StatusChange("web", firstFailure, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE,
                        "probe web-home: connection refused"),
                new StatusChange("web", firstSuccess, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL,
                        "probe web-home: checks pass again"));
        List<String> probeHistory = database.read(h -> h.createQuery(
                        "SELECT from_status, to_status, at FROM probe_status_changes ORDER BY id")
                .map((rs, ctx) -> rs.getString("from_status") + " -> " + rs.getString("to_status") + " at "
                        + Instant.ofEpochMilli(rs.getLong("at")))
                .list());
        assertThat(probeHistory).containsExactly("UP -> DOWN at " + firstFailure, "DOWN -> UP at " + firstSuccess);
        long results = database.read(h -> new CheckStore().count(h));
        assertThat(results).isEqualTo(7);
    }

    @OnEachBackend
    void aSkippedCheckIsStoredWithItsReasonAndCountsNeitherAsUpNorAsDown(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ManualClock clock = new ManualClock(T0);
        OutageService service = outageService(database, clock);
        record(service, clock, minute(0), Outcome.DOWN, "connection refused");
        record(service, clock, minute(1), Outcome.DOWN, "connection refused");
        ProbeStateStore.Versioned before = database.read(h -> new ProbeStateStore().load(h, "web-home")).orElseThrow();

        Optional<ProbeTransition> skipped = record(service, clock, minute(2), Outcome.SKIPPED,
                "skipped: the previous check was still running");

        assertThat(skipped).isEmpty();
        ProbeStateStore.Versioned after = database.read(h -> new ProbeStateStore().load(h, "web-home")).orElseThrow();
        assertThat(after.state()).isEqualTo(before.state());
        assertThat(after.version()).isEqualTo(before.version());
        CheckResult stored = database.read(h -> new CheckStore().latest(h, "web-home", 1)).get(0);
        assertThat(stored.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(stored.reason()).isEqualTo("skipped: the previous check was still running");
        // The failures before and after the gap are still the three in a row that open the outage.
        assertThat(record(service, clock, minute(3), Outcome.DOWN, "connection refused")).isPresent();
    }

    @OnEachBackend
    void aBatchOfResultsIsAppliedInOrderInOneGoWithEachTransitionOnce(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ManualClock clock = new ManualClock(minute(6));
        OutageService service = outageService(database, clock);

        List<ProbeTransition> transitions = service.recordAll(List.of(
                check(minute(0), Outcome.UP), check(minute(1), Outcome.DOWN), check(minute(2), Outcome.DOWN),
                check(minute(3), Outcome.DOWN), check(minute(4), Outcome.UP), check(minute(5), Outcome.UP)));

        assertThat(transitions).extracting(ProbeTransition::to).containsExactly(ProbeStatus.DOWN, ProbeStatus.UP);
        assertThat(transitions.get(0).at()).isEqualTo(minute(1));
        List<Outage> all = allOutages(database);
        assertThat(all).singleElement().satisfies(o -> {
            assertThat(o.startedAt()).isEqualTo(minute(1));
            assertThat(o.endedAt()).isEqualTo(minute(4));
        });
        long stored = database.read(h -> new CheckStore().count(h));
        assertThat(stored).isEqualTo(6);
    }

    @OnEachBackend
    void aBatchWithAResultTheStoreRefusesKeepsNoneOfItAndBlamesTheResultNotTheDatabase(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ManualClock clock = new ManualClock(minute(4));
        OutageService service = outageService(database, clock);
        // Known to the service but not to the store: its result cannot be stored.
        service.useThresholds("ghost", new Thresholds(1, 1));

        assertThatThrownBy(() -> service.recordAll(List.of(
                check(minute(1), Outcome.DOWN), CheckResult.of("ghost", minute(1), Outcome.DOWN, "status 500"),
                check(minute(2), Outcome.DOWN), check(minute(3), Outcome.DOWN))))
                .satisfies(refused -> assertThat(database.writeFault(refused)).isEmpty());

        // Rolled back whole, so that the probe engine may write the batch again one result at a time.
        long stored = database.read(h -> new CheckStore().count(h));
        assertThat(stored).isZero();
        assertThat(allOutages(database)).isEmpty();
        assertThat(service.recordAll(List.of(check(minute(1), Outcome.DOWN), check(minute(2), Outcome.DOWN),
                check(minute(3), Outcome.DOWN)))).singleElement()
                .satisfies(t -> assertThat(t.to()).isEqualTo(ProbeStatus.DOWN));
    }

    private static CheckResult check(Instant at, Outcome outcome) {
        return CheckResult.of("web-home", at, outcome, outcome == Outcome.UP ? "OK" : "status 503");
    }

    @OnEachBackend
    void aSecondOpenOutageForTheSameProbeIsRefused(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ProbeTransition down = new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, minute(1), minute(3), "status 503");
        database.write(h -> outages.open(h, "web-home", "web", down));

        assertThatThrownBy(() -> database.write(h -> outages.open(h, "web-home", "web", down)))
                .rootCause().hasMessageMatching("(?is).*unique.*");
        assertThat(allOutages(database)).hasSize(1);
    }

    @OnEachBackend
    void anOutageMayOpenAgainOnceTheLastOneClosed(TestDatabase store) {
        Database database = webWithOneProbe(store);
        ProbeTransition down = new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, minute(1), minute(3), "status 503");
        ProbeTransition up = new ProbeTransition(ProbeStatus.DOWN, ProbeStatus.UP, minute(5), minute(6), "checks pass again");
        database.write(h -> outages.open(h, "web-home", "web", down));
        database.write(h -> outages.close(h, "web-home", up));

        long second = database.write(h -> outages.open(h, "web-home", "web", down));

        Optional<Outage> open = database.read(h -> outages.openFor(h, "web-home"));
        assertThat(open).map(Outage::id).contains(second);
        assertThat(allOutages(database)).hasSize(2);
    }

    private static Optional<ProbeTransition> record(OutageService service, ManualClock clock, Instant at,
            Outcome outcome, String reason) {
        clock.set(at.plus(RECORDING_DELAY));
        return service.record(CheckResult.of("web-home", at, outcome, reason));
    }

    private List<Outage> allOutages(Database database) {
        List<Long> ids = database.read(h -> h.createQuery("SELECT id FROM outages ORDER BY id").mapTo(Long.class).list());
        return ids.stream().map(id -> database.read(h -> outages.find(h, id)).orElseThrow()).toList();
    }

    private OutageService outageService(Database database, ManualClock clock) {
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, components,
                new AutoIncidents(incidents, outages, new TimeFormat(ZoneId.of("America/Los_Angeles"))), new MaintenanceCalendar(),
                Map.of("web-home", new Thresholds(3, 2)), clock, () -> { });
    }

    private static Database webWithOneProbe(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                    failures_to_open: 3
                    successes_to_close: 2
                """), SYNCED);
        return database;
    }

    private static Instant minute(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }
}
