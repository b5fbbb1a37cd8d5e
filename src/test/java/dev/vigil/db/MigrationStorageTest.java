package dev.vigil.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;

class MigrationStorageTest {
    private static final List<String> TABLES = List.of(
            "components", "component_status_changes", "probes", "probe_status_changes", "check_results",
            "check_rollups", "incidents", "incident_components", "incident_updates", "incident_update_components",
            "outages", "monitor_sessions");

    @OnEachBackend
    void migrationsCreateEveryTableEmptyOnAnEmptyDatabase(TestDatabase store) {
        Database database = store.open();

        assertThat(database.dialect()).isEqualTo(store.dialect());
        assertThat(appliedVersions(database)).containsExactly("1", "2", "5");
        for (String table : TABLES) {
            assertThat(rows(database, table)).as(table).isZero();
        }
    }

    @OnEachBackend
    void openingTheSameDatabaseAgainAppliesNothingAndKeepsTheData(TestDatabase store) {
        Database first = store.open();
        Configs.sync(first, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                """), Instant.parse("2026-11-25T10:00:00Z"));
        first.close();

        Database second = store.open();

        assertThat(appliedVersions(second)).containsExactly("1", "2", "5");
        List<Component> components = second.read(h -> new ComponentStore().all(h));
        assertThat(components).extracting(Component::name).containsExactly("Web application");
        assertThat(rows(second, "component_status_changes")).isEqualTo(1);
    }

    private static List<String> appliedVersions(Database database) {
        return database.read(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank")
                .mapTo(String.class).list());
    }

    private static long rows(Database database, String table) {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
