package dev.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class DemoHistoryStorageTest {
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final VigilConfig DEMO = Configs.parse("""
            demo:
              enabled: true
            components:
              - id: web
                name: Web application
              - id: api
                name: API
              - id: search
                name: Search
              - id: jobs
                name: Background jobs
            """);

    @OnEachBackend
    void aNewDemoDatabaseIsSeededOnceWithItsPastIncidentsAndSessions(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, DEMO, NOW);
        DemoHistory history = new DemoHistory(database, DEMO, Clock.fixed(NOW, ZoneOffset.UTC));

        history.seedIfNew();
        history.seedIfNew();

        List<Incident> incidents = database.read(h -> new IncidentStore().since(h, Instant.EPOCH, 10));
        assertThat(incidents).extracting(Incident::name).containsExactly(
                "Search upgrade took the app offline", "Delayed background jobs", "Elevated API error rate");
        assertThat(incidents).extracting(Incident::status).containsOnly(IncidentStatus.RESOLVED);
        long sessions = database.read(h -> h.createQuery("SELECT COUNT(*) FROM monitor_sessions").mapTo(Long.class).one());
        assertThat(sessions).isEqualTo(2);
    }
}
