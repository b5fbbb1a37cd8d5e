package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.outages.ProbeState;
import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.ProbeStatus;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class ConfigSyncStorageTest {
    private static final Instant FIRST_START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant RESTART = Instant.parse("2026-11-26T09:30:00Z");
    private static final VigilConfig WEB_AND_API = Configs.parse("""
            components:
              - id: web
                name: Web application
                group: Tracker
                description: The app itself
                essential: true
              - id: api
                name: Public API
            probes:
              - id: web-home
                component: web
                url: http://web.test/health
              - id: api-health
                component: api
                url: http://api.test/health
            """);
    private static final VigilConfig WEB_ONLY = Configs.parse("""
            components:
              - id: web
                name: Web app
            probes:
              - id: web-home
                component: web
                url: http://web.test/v2/health
            """);

    private final ComponentStore components = new ComponentStore();
    private final ProbeStateStore probes = new ProbeStateStore();

    @OnEachBackend
    void aFirstSyncInsertsTheConfiguredComponentsAndProbes(TestDatabase store) {
        Database database = store.open();

        Configs.sync(database, WEB_AND_API, FIRST_START);

        List<Component> stored = database.read(components::all);
        assertThat(stored).containsExactly(
                new Component("web", "Web application", "Tracker", "The app itself", 1, ComponentStatus.OPERATIONAL,
                        "config", FIRST_START, FIRST_START, true),
                new Component("api", "Public API", null, null, 2, ComponentStatus.OPERATIONAL,
                        "config", FIRST_START, FIRST_START, false));
        assertThat(probe(database, "web-home"))
                .isEqualTo(new ProbeStateStore.Versioned(ProbeState.initial(), 0, "web"));
        assertThat(target(database, "api-health")).isEqualTo("http://api.test/health");
        Map<String, ProbeStatus> webProbes = database.read(h -> probes.statusesOf(h, "web"));
        assertThat(webProbes).containsExactly(Map.entry("web-home", ProbeStatus.UP));
        List<StatusChange> history = database.read(h -> components.history(h, FIRST_START));
        assertThat(history).extracting(c -> c.componentId() + ": " + c.from() + " -> " + c.to() + ", " + c.reason())
                .containsExactly("api: null -> OPERATIONAL, component added", "web: null -> OPERATIONAL, component added");
    }

    @OnEachBackend
    void aReSyncKeepsTheStateOfProbesThatStayedAndUpdatesTheirDescription(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_AND_API, FIRST_START);
        Instant firstFailure = FIRST_START.plusSeconds(60);
        ProbeState halfwayToDown = new ProbeState(ProbeStatus.UP, new Streak(2, firstFailure), "status 503",
                Streak.NONE, new Streak(2, firstFailure), Streak.NONE, firstFailure.plusSeconds(60));
        boolean saved = database.write(h -> probes.save(h, "web-home", halfwayToDown, 0));
        assertThat(saved).isTrue();

        Configs.sync(database, WEB_AND_API, RESTART);
        Configs.sync(database, WEB_ONLY, RESTART);

        assertThat(probe(database, "web-home")).isEqualTo(new ProbeStateStore.Versioned(halfwayToDown, 1, "web"));
        assertThat(target(database, "web-home")).isEqualTo("http://web.test/v2/health");
        List<Component> stored = database.read(components::all);
        // Essential no longer in the file: no longer essential.
        assertThat(stored).containsExactly(new Component("web", "Web app", null, null, 1,
                ComponentStatus.OPERATIONAL, "config", FIRST_START, RESTART, false));
    }

    @OnEachBackend
    void componentsAndProbesThatLeftTheConfigurationAreRetiredWithTheirHistoryKept(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_AND_API, FIRST_START);

        Configs.sync(database, WEB_ONLY, RESTART);

        List<Component> active = database.read(components::all);
        assertThat(active).extracting(Component::id).containsExactly("web");
        assertThat(retiredAt(database, "components", "api")).isEqualTo(RESTART.toEpochMilli());
        assertThat(retiredAt(database, "probes", "api-health")).isEqualTo(RESTART.toEpochMilli());
        assertThat(retiredAt(database, "components", "web")).isNull();
        assertThat(retiredAt(database, "probes", "web-home")).isNull();
        Map<String, ProbeStatus> apiProbes = database.read(h -> probes.statusesOf(h, "api"));
        assertThat(apiProbes).isEmpty();
        List<StatusChange> history = database.read(h -> components.history(h, FIRST_START));
        assertThat(history).extracting(StatusChange::componentId).containsExactly("api", "web");
    }

    @OnEachBackend
    void aRetiredComponentThatComesBackIsActiveAgain(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_AND_API, FIRST_START);
        Configs.sync(database, WEB_ONLY, RESTART);

        Configs.sync(database, WEB_AND_API, RESTART.plusSeconds(60));

        List<Component> active = database.read(components::all);
        assertThat(active).extracting(Component::id).containsExactly("web", "api");
        assertThat(retiredAt(database, "components", "api")).isNull();
        assertThat(retiredAt(database, "probes", "api-health")).isNull();
    }

    private ProbeStateStore.Versioned probe(Database database, String id) {
        return database.read(h -> probes.load(h, id)).orElseThrow();
    }

    private static String target(Database database, String probeId) {
        return database.read(h -> h.createQuery("SELECT target FROM probes WHERE id = :id")
                .bind("id", probeId).mapTo(String.class).one());
    }

    private static Long retiredAt(Database database, String table, String id) {
        return database.read(h -> h.createQuery("SELECT retired_at FROM " + table + " WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }
}
