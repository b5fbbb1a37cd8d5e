package dev.vigil.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.testing.Configs;
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
        assertThat(appliedVersions(database)).isEqualTo(migrationVersions(store.dialect()));
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

        assertThat(appliedVersions(second)).isEqualTo(migrationVersions(store.dialect()));
        List<Component> components = second.read(h -> new ComponentStore().all(h));
        assertThat(components).extracting(Component::name).containsExactly("Web application");
        assertThat(rows(second, "component_status_changes")).isEqualTo(1);
    }

    /** The versions of the shared and the store's own migration files, in order: every one must be applied. */
    private static List<String> migrationVersions(Dialect dialect) {
        try (var shared = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"));
                var own = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources", dialect.migrationFolder()))) {
            return java.util.stream.Stream.concat(shared, own).map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
