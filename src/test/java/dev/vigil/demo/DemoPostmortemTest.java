package dev.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's failed search upgrade comes with the postmortem staff wrote two days later. */
class DemoPostmortemTest {
    private static final String SEARCH_INCIDENT = "Search upgrade took the app offline";

    @TempDir
    Path dataDir;

    private TargetServer target;

    @BeforeEach
    void startTarget() {
        target = TargetServer.start();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void aNewDemoHasTheDraftPostmortemOfTheSearchIncidentFilledFromItsRecords() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, yaml(true))) {
            Database database = vigil.vigil().database();
            long incident = searchIncident(database);
            Map<String, Object> postmortem = onlyPostmortem(database);
            assertThat(postmortem.get("title")).isEqualTo(SEARCH_INCIDENT);
            assertThat(postmortem.get("status")).isEqualTo("draft");
            assertThat(postmortem.get("owner_id")).isNull();
            assertThat(postmortem.get("public_body")).isNull();
            assertThat(linkedIncidents(database, id(postmortem))).containsExactly(incident);
            long resolved = database.read(h -> h.createQuery("SELECT resolved_at FROM incidents WHERE id = :id")
                    .bind("id", incident).mapTo(Long.class).one());
            assertThat(number(postmortem, "created_at")).isEqualTo(resolved + Duration.ofDays(2).toMillis());

            Map<String, String> sections = sections(database, id(postmortem));
            assertThat(sections).doesNotContainValue("");
            assertThat(sections.get("impact")).contains("Web app:** fully down for 31 minutes")
                    .contains("Search:** fully down for 32 minutes");
            assertThat(sections.get("root_causes")).contains("watchdog").contains("rollback automation");
            assertThat(sections.get("summary")).contains("could not load for anyone for 31 minutes")
                    .contains("make staging match production")
                    .contains("rehearse the rollback").contains("read-only, while search is unavailable");
            assertThat(timelineKinds(database, id(postmortem))).contains("first_failure", "recovery", "update");
        }
    }

    @Test
    void aRestartOnTheSameDataKeepsExactlyOnePostmortem() {
        try (RunningVigil first = RunningVigil.start(dataDir, yaml(true))) {
            assertThat(count(first.vigil().database(), "postmortems")).isEqualTo(1);
        }
        try (RunningVigil again = RunningVigil.start(dataDir, yaml(true))) {
            Database database = again.vigil().database();
            assertThat(count(database, "postmortems")).isEqualTo(1);
            assertThat(onlyPostmortem(database).get("title")).isEqualTo(SEARCH_INCIDENT);
        }
    }

    @Test
    void aVigilWithoutTheDemoSeedsNoPostmortem() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, yaml(false))) {
            assertThat(count(vigil.vigil().database(), "postmortems")).isZero();
        }
    }

    @Test
    void theDraftIsNotShownOnTheIncidentsPublicPage() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, yaml(true))) {
            String page = vigil.get("/incidents/" + searchIncident(vigil.vigil().database())).body();
            assertThat(page).contains(SEARCH_INCIDENT).doesNotContain("watchdog was set differently");
        }
    }

    private String yaml(boolean demo) {
        return """
                demo:
                  enabled: %s
                components:
                  - id: web
                    name: Web application
                  - id: search
                    name: Search
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 10s
                    failures_to_open: 2
                    successes_to_close: 2
                  - id: search-health
                    component: search
                    url: %s
                    interval: 10s
                    failures_to_open: 2
                    successes_to_close: 2
                """.formatted(demo, target.url(), target.url());
    }

    private static long searchIncident(Database database) {
        return database.read(h -> h.createQuery("SELECT id FROM incidents WHERE name = :name")
                .bind("name", SEARCH_INCIDENT).mapTo(Long.class).one());
    }

    private static Map<String, Object> onlyPostmortem(Database database) {
        return database.read(h -> h.createQuery("SELECT * FROM postmortems").mapToMap().one());
    }

    private static List<Long> linkedIncidents(Database database, long postmortem) {
        return database.read(h -> h.createQuery("SELECT incident_id FROM postmortem_incidents WHERE postmortem_id = :id")
                .bind("id", postmortem).mapTo(Long.class).list());
    }

    private static Map<String, String> sections(Database database, long postmortem) {
        return database.read(h -> h.createQuery("SELECT section_key, body FROM postmortem_sections WHERE postmortem_id = :id")
                .bind("id", postmortem)
                .reduceRows(new java.util.HashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn("section_key", String.class), row.getColumn("body", String.class));
                    return map;
                }));
    }

    private static List<String> timelineKinds(Database database, long postmortem) {
        return database.read(h -> h.createQuery("SELECT kind FROM postmortem_timeline WHERE postmortem_id = :id")
                .bind("id", postmortem).mapTo(String.class).list());
    }

    private static long count(Database database, String table) {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static long id(Map<String, Object> row) {
        return number(row, "id");
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
