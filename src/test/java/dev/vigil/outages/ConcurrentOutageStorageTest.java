package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two probes of one component whose results are recorded at the same moment, as Vigil's probe
 * threads do. Each transaction must see what the other did to the component, or the component's
 * status and its automatic incident end up wrong.
 */
class ConcurrentOutageStorageTest {
    private static final Instant SYNCED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant FAILED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant RECOVERED = Instant.parse("2026-11-25T10:05:00Z");
    // Long enough for the other probe's transaction to arrive; when it cannot (it waits for this one), the wait ends.
    private static final Duration MEETING_PATIENCE = Duration.ofSeconds(1);

    private final OutageStore outages = new OutageStore();
    private final IncidentStore incidents = new IncidentStore();
    private final ComponentStore components = new ComponentStore();

    @OnEachBackend
    void twoProbesFailingAtOnceShareOneIncidentAndMakeAMajorOutage(TestDatabase store) throws Exception {
        Database database = webWithTwoProbes(store);

        recordAtOnce(database, FAILED, Outcome.DOWN);

        assertThat(status(database)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        List<Outage> open = database.read(h -> outages.since(h, FAILED));
        assertThat(open).hasSize(2).allSatisfy(o -> assertThat(o.isOpen()).isTrue());
        Optional<Long> incident = database.read(h -> incidents.openAutoIncidentOf(h, "web"));
        assertThat(incident).isPresent();
        assertThat(open).extracting(Outage::incidentId).containsOnly(incident.get());
    }

    @OnEachBackend
    void twoProbesRecoveringAtOnceResolveTheIncidentAndTheComponent(TestDatabase store) throws Exception {
        Database database = webWithTwoProbes(store);
        OutageService oneAtATime = outageService(database, Clock.fixed(FAILED, ZoneOffset.UTC));
        oneAtATime.record(CheckResult.of("web-home", FAILED, Outcome.DOWN, "status 503"));
        oneAtATime.record(CheckResult.of("web-api", FAILED, Outcome.DOWN, "status 503"));
        long incidentId = database.read(h -> incidents.openAutoIncidentOf(h, "web")).orElseThrow();

        recordAtOnce(database, RECOVERED, Outcome.UP);

        assertThat(status(database)).isEqualTo(ComponentStatus.OPERATIONAL);
        List<Outage> stillOpen = database.read(h -> outages.openForIncident(h, incidentId));
        assertThat(stillOpen).isEmpty();
        IncidentStatus incident = database.read(h -> incidents.find(h, incidentId)).orElseThrow().status();
        assertThat(incident).isEqualTo(IncidentStatus.RESOLVED);
    }

    /** Records a result of each probe, in two threads whose transactions overlap as far as the store lets them. */
    private void recordAtOnce(Database database, Instant at, Outcome outcome) throws Exception {
        OutageService service = outageService(database, new MeetingClock(at));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> home = threads.submit(() -> service.record(CheckResult.of("web-home", at, outcome, "status 503")));
            Future<?> api = threads.submit(() -> service.record(CheckResult.of("web-api", at, outcome, "status 503")));
            home.get(30, TimeUnit.SECONDS);
            api.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private ComponentStatus status(Database database) {
        return database.read(h -> components.find(h, "web")).map(Component::status).orElseThrow();
    }

    private OutageService outageService(Database database, Clock clock) {
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, components,
                new AutoIncidents(incidents, outages, new TimeFormat(ZoneId.of("UTC"))), new MaintenanceCalendar(),
                Map.of("web-home", new Thresholds(1, 1), "web-api", new Thresholds(1, 1)), clock, () -> { });
    }

    private static Database webWithTwoProbes(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/
                  - id: web-api
                    component: web
                    url: http://web.test/api
                """), SYNCED);
        return database;
    }

    /**
     * A fixed clock whose first two readers wait for each other. OutageService reads the clock in
     * the middle of a transition's transaction, after it has read the component's probes, so two
     * transactions that can run side by side are held there until both have read them.
     */
    private static final class MeetingClock extends Clock {
        private final Instant now;
        private final CyclicBarrier meeting = new CyclicBarrier(2);

        MeetingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            try {
                meeting.await(MEETING_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                // The other transaction is waiting for this one (or has already gone); go on alone.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
