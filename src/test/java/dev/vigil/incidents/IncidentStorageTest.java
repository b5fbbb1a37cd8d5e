package dev.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.components.ComponentStatus;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class IncidentStorageTest {
    private static final Instant START = Instant.parse("2026-11-17T19:02:40Z");
    private static final AffectedComponent WEB_DOWN =
            new AffectedComponent("web", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);
    private static final AffectedComponent SEARCH_DOWN =
            new AffectedComponent("search", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);
    private static final AffectedComponent WEB_BACK =
            new AffectedComponent("web", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL);
    private static final AffectedComponent SEARCH_BACK =
            new AffectedComponent("search", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL);

    private final IncidentStore incidents = new IncidentStore();

    @OnEachBackend
    void anIncidentReadsBackWithItsUpdatesNewestFirstAndItsComponents(TestDatabase store) {
        Database database = webAndSearch(store);
        long id = database.write(h -> incidents.create(h, new NewIncident("Search upgrade took the app offline",
                IncidentStatus.INVESTIGATING, Impact.CRITICAL, START, minutes(2), "staff", null)));
        database.write(h -> {
            incidents.addComponent(h, id, "web");
            incidents.addComponent(h, id, "search");
            incidents.addComponent(h, id, "web");
            return null;
        });

        long investigating = addUpdate(database, id, IncidentStatus.INVESTIGATING, "The app is not loading.", 3,
                List.of(WEB_DOWN, SEARCH_DOWN));
        long identified = addUpdate(database, id, IncidentStatus.IDENTIFIED, "A watchdog setting.", 12, List.of());
        long monitoring = addUpdate(database, id, IncidentStatus.MONITORING, "The app is back.", 30, List.of(WEB_BACK));
        long resolved = addUpdate(database, id, IncidentStatus.RESOLVED, "Everything works.", 40, List.of(SEARCH_BACK));

        Incident incident = database.read(h -> incidents.find(h, id)).orElseThrow();
        assertThat(incident).isEqualTo(new Incident(id, "Search upgrade took the app offline",
                IncidentStatus.RESOLVED, Impact.CRITICAL, START, minutes(2), minutes(40), minutes(30), minutes(40),
                "staff",
                List.of(update(resolved, id, IncidentStatus.RESOLVED, "Everything works.", 40, List.of(SEARCH_BACK)),
                        update(monitoring, id, IncidentStatus.MONITORING, "The app is back.", 30, List.of(WEB_BACK)),
                        update(identified, id, IncidentStatus.IDENTIFIED, "A watchdog setting.", 12, List.of()),
                        update(investigating, id, IncidentStatus.INVESTIGATING, "The app is not loading.", 3,
                                List.of(SEARCH_DOWN, WEB_DOWN))),
                List.of("search", "web"), false));
    }

    @OnEachBackend
    void onlyUnresolvedIncidentsAreListedAsUnresolvedNewestFirst(TestDatabase store) {
        Database database = webAndSearch(store);
        long older = create(database, "Slow search", START, null);
        long resolved = create(database, "Web errors", START.plus(Duration.ofHours(1)), null);
        long newer = create(database, "Search down", START.plus(Duration.ofHours(2)), null);
        addUpdate(database, resolved, IncidentStatus.RESOLVED, "Fixed.", 70, List.of());

        List<Incident> unresolved = database.read(incidents::unresolved);
        List<Incident> latestTwo = database.read(h -> incidents.since(h, START, 2));

        assertThat(unresolved).extracting(Incident::id).containsExactly(newer, older);
        assertThat(latestTwo).extracting(Incident::id).containsExactly(newer, resolved);
    }

    @OnEachBackend
    void aSecondOpenAutomaticIncidentForAComponentIsRefused(TestDatabase store) {
        Database database = webAndSearch(store);
        long first = create(database, "Web application is unavailable", START, "web");

        assertThatThrownBy(() -> create(database, "Web application is partly unavailable", START, "web"))
                .rootCause().hasMessageMatching("(?is).*unique.*");
        Optional<Long> open = database.read(h -> incidents.openAutoIncidentOf(h, "web"));
        assertThat(open).contains(first);
        long count = database.read(h -> h.createQuery("SELECT COUNT(*) FROM incidents").mapTo(Long.class).one());
        assertThat(count).isEqualTo(1);
    }

    @OnEachBackend
    void anAutomaticIncidentMayOpenAgainOnceTheLastOneResolvedAndOthersMayOpenForOtherComponents(TestDatabase store) {
        Database database = webAndSearch(store);
        long first = create(database, "Web application is unavailable", START, "web");
        long search = create(database, "Search is unavailable", START, "search");
        addUpdate(database, first, IncidentStatus.RESOLVED, "Recovered.", 10, List.of());

        long second = create(database, "Web application is unavailable", START.plus(Duration.ofHours(1)), "web");

        Optional<Long> openForWeb = database.read(h -> incidents.openAutoIncidentOf(h, "web"));
        Optional<Long> openForSearch = database.read(h -> incidents.openAutoIncidentOf(h, "search"));
        assertThat(openForWeb).contains(second);
        assertThat(openForSearch).contains(search);
    }

    private long create(Database database, String name, Instant startedAt, String autoComponentId) {
        String source = autoComponentId == null ? "staff" : "probe";
        return database.write(h -> incidents.create(h, new NewIncident(name, IncidentStatus.INVESTIGATING,
                Impact.MAJOR, startedAt, startedAt, source, autoComponentId)));
    }

    private long addUpdate(Database database, long incidentId, IncidentStatus status, String body, int minute,
            List<AffectedComponent> affected) {
        return database.write(h -> incidents.addUpdate(h, incidentId, status, body, minutes(minute), minutes(minute),
                affected));
    }

    private static IncidentUpdate update(long id, long incidentId, IncidentStatus status, String body, int minute,
            List<AffectedComponent> affected) {
        return new IncidentUpdate(id, incidentId, status, body, minutes(minute), minutes(minute), minutes(minute),
                affected);
    }

    private static Database webAndSearch(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                  - id: search
                    name: Search
                """), START.minus(Duration.ofDays(30)));
        return database;
    }

    private static Instant minutes(int n) {
        return START.plus(Duration.ofMinutes(n));
    }
}
