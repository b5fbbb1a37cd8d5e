package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStore;
import dev.vigil.config.Entries;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.ProbeSettingsStore;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Probes made in the console keep their settings in the database, beside vigil.yml's probes (issue 3). */
class ConsoleProbeStorageTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant RELOAD = START.plusSeconds(3600);
    private static final VigilConfig WEB_AND_API = Configs.parse("""
            components:
              - id: web
                name: Web application
              - id: api
                name: Public API
            probes:
              - id: web-home
                component: web
                url: http://web.test/health
            """);
    private static final VigilConfig WEB_ONLY = Configs.parse("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://web.test/health
            """);

    private final ComponentStore components = new ComponentStore();
    private final ProbeStateStore probes = new ProbeStateStore();
    private final ProbeSettingsStore settings = new ProbeSettingsStore();

    @OnEachBackend
    void aConsoleProbesSettingsAreReadBackAsTheyWereSaved(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_AND_API, START);
        ProbeConfig probe = Entries.probe(Map.of("id", "api-deep", "component", "api",
                "url", "https://api.test/deep?x=1", "interval", "30s", "timeout", "5s", "connect_timeout", "2s",
                "max_body", "64KiB", "expect", Map.of("status", 204, "body_contains", "ok", "max_latency", "800ms"),
                "failures_to_open", 4, "successes_to_close", 1), List.of("web", "api"));

        save(database, probe, START);

        assertThat(database.read(settings::active)).containsExactly(probe);
        ProbeConfig withDefaults = Entries.probe(Map.of("id", "api-deep", "component", "api",
                "url", "https://api.test/v2"), List.of("api"));
        save(database, withDefaults, START.plusSeconds(1));
        assertThat(database.read(settings::active)).containsExactly(withDefaults);
        assertThat(withDefaults.http().expect().maxLatency()).isNull();
    }

    @OnEachBackend
    void aSyncOfVigilYmlLeavesConsoleProbesRunningUnlessTheirComponentLeaves(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_AND_API, START);
        save(database, Entries.probe(Map.of("id", "web-deep", "component", "web", "url", "http://web.test/deep"),
                List.of("web")), START);
        save(database, Entries.probe(Map.of("id", "api-deep", "component", "api", "url", "http://api.test/deep"),
                List.of("api")), START);

        Configs.sync(database, WEB_AND_API, RELOAD);
        assertThat(database.read(settings::active)).extracting(ProbeConfig::id).containsExactly("api-deep", "web-deep");

        Configs.sync(database, WEB_ONLY, RELOAD);
        assertThat(database.read(settings::active)).extracting(ProbeConfig::id).containsExactly("web-deep");
        Map<String, ?> webProbes = database.read(h -> probes.statusesOf(h, "web"));
        assertThat(webProbes).containsOnlyKeys("web-home", "web-deep");
    }

    @OnEachBackend
    void aProbeThatVigilYmlDeclaresTakesOverTheConsoleProbeOfTheSameId(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, WEB_ONLY, START);
        save(database, Entries.probe(Map.of("id", "web-home-2", "component", "web", "url", "http://web.test/a"),
                List.of("web")), START);

        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home-2
                    component: web
                    url: http://web.test/b
                """), RELOAD);

        assertThat(database.read(settings::active)).isEmpty();
        String source = database.read(h -> h.createQuery("SELECT source FROM probes WHERE id = 'web-home-2'")
                .mapTo(String.class).one());
        assertThat(source).isEqualTo("config");
        assertThat(database.read(components::all)).extracting(c -> c.source()).containsExactly("config");
    }

    private void save(Database database, ProbeConfig probe, Instant at) {
        database.write(handle -> {
            probes.register(handle, probe.id(), probe.componentId(), probe.http().url().toString(), "console", at);
            settings.save(handle, probe, at);
            return null;
        });
    }
}
