package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.outages.ProbeStateStore.Versioned;
import dev.vigil.probes.ProbeStatus;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;

class ProbeStateStorageTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final ProbeState FAILING = new ProbeState(ProbeStatus.UP, new Streak(1, START), "status 503",
            Streak.NONE, new Streak(1, START), Streak.NONE, START);
    private static final ProbeState DOWN = new ProbeState(ProbeStatus.DOWN, new Streak(3, START), "status 503",
            Streak.NONE, new Streak(3, START), Streak.NONE, START.plusSeconds(120));

    private final ProbeStateStore probes = new ProbeStateStore();

    @OnEachBackend
    void savingWithTheLoadedVersionStoresTheWholeStateAndMovesTheVersionOn(TestDatabase store) {
        Database database = registeredProbe(store);
        Versioned loaded = load(database);

        boolean saved = database.write(h -> probes.save(h, "web-home", FAILING, loaded.version()));

        assertThat(saved).isTrue();
        assertThat(load(database)).isEqualTo(new Versioned(FAILING, loaded.version() + 1, "web"));
    }

    @OnEachBackend
    void savingWithAStaleVersionReturnsFalseAndChangesNothing(TestDatabase store) {
        Database database = registeredProbe(store);
        long stale = load(database).version();
        database.write(h -> probes.save(h, "web-home", FAILING, stale));

        boolean saved = database.write(h -> probes.save(h, "web-home", DOWN, stale));

        assertThat(saved).isFalse();
        assertThat(load(database)).isEqualTo(new Versioned(FAILING, stale + 1, "web"));
    }

    @OnEachBackend
    void anEmptyStateReadsBackWithoutTimes(TestDatabase store) {
        Database database = registeredProbe(store);
        long version = load(database).version();
        database.write(h -> probes.save(h, "web-home", DOWN, version));

        database.write(h -> probes.save(h, "web-home", ProbeState.initial(), version + 1));

        assertThat(load(database).state()).isEqualTo(ProbeState.initial());
    }

    private static Database registeredProbe(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                """), START);
        return database;
    }

    private Versioned load(Database database) {
        return database.read(h -> probes.load(h, "web-home")).orElseThrow();
    }
}
