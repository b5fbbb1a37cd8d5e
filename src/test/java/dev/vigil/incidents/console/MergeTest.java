package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incidents the probes opened, reworded and continued by staff, and merged into an incident staff
 * opened by hand. A real local target goes down so that the automatic incident is the real thing.
 */
class MergeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: api
                name: API
              - id: web
                name: Web application
            probes:
              - id: api-health
                component: api
                url: %s
                interval: 1s
                timeout: 1s
                failures_to_open: 2
                successes_to_close: 2
            """, staff::signIn).withTarget();

    @Test
    void staffRewordAndContinueAnIncidentOurChecksOpened() {
        long auto = automaticIncident();
        assertThat(staff.victor.get("/console/incidents").body()).contains("API is unavailable").contains("Our checks");

        staff.grace.submit("/console/incidents/" + auto, "/console/incidents/" + auto + "/name",
                Map.of("name", "API requests are failing"));
        staff.postUpdate(auto, "identified", "A certificate expired.");

        String page = vigil.get("/incidents/" + auto).body();
        assertThat(page).contains("API requests are failing").contains("A certificate expired.")
                .contains("API is not responding. We are looking into it.").doesNotContain("connection refused");
        assertThat(staff.grace.get("/console/incidents/" + auto).body()).contains("What our checks saw")
                .contains("api-health").contains("connection refused");
    }

    @Test
    void mergingMovesUpdatesComponentsAndOutagesAndHidesTheMergedIncident() {
        long auto = automaticIncident();
        long manual = staff.open(Map.of("name", "Everything is slow", "impact", "minor", "status", "investigating",
                "body", "Pages load slowly.", "component.web", "degraded_performance"));

        var merged = staff.grace.submit("/console/incidents/" + manual, "/console/incidents/" + manual + "/merge",
                Map.of("from", Long.toString(auto)));

        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(count("SELECT COUNT(*) FROM incident_updates WHERE incident_id = " + auto)).isZero();
        assertThat(count("SELECT COUNT(*) FROM outages WHERE incident_id = " + manual)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_components WHERE incident_id = " + manual)).isEqualTo(2);
        assertThat(text("SELECT auto_component_id FROM incidents WHERE id = " + manual)).isEqualTo("api");
        // The worse of minor (staff) and major (one component of two down, as the checks rated it).
        assertThat(text("SELECT impact FROM incidents WHERE id = " + manual)).isEqualTo("major");
        String page = vigil.get("/incidents/" + manual).body();
        assertThat(page).contains("Pages load slowly.").contains("API is not responding.");
        assertThat(vigil.get("/incidents/" + auto).statusCode()).isEqualTo(404);
        assertThat(staff.grace.get("/console/incidents/" + auto).headers().firstValue("Location"))
                .hasValue("/console/incidents/" + manual);
        assertThat(staff.grace.get("/console/incidents").body()).doesNotContain("API is unavailable");
        RunningVigil.await(PATIENCE, "only the merged incident in summary.json", () -> {
            String summary = vigil.get("/api/v2/summary.json").body();
            return summary.contains("Everything is slow") && !summary.contains("API is unavailable");
        });
        assertThat(staff.ada.get("/console/audit").body()).contains("incident.merged");
    }

    @Test
    void anImpactStaffCorrectedStandsWhenAWorseIncidentIsMergedIn() {
        long auto = automaticIncident();
        long manual = staff.open("Everything is slow");
        var corrected = staff.grace.submit("/console/incidents/" + manual, "/console/incidents/" + manual + "/impact",
                Map.of("impact", "none"));

        staff.grace.submit("/console/incidents/" + manual, "/console/incidents/" + manual + "/merge",
                Map.of("from", Long.toString(auto)));

        assertThat(corrected.statusCode()).isEqualTo(303);
        assertThat(text("SELECT merged_into_id FROM incidents WHERE id = " + auto)).isEqualTo(Long.toString(manual));
        assertThat(text("SELECT impact FROM incidents WHERE id = " + manual)).isEqualTo("none");
    }

    @Test
    void theMergedIncidentResolvesWhenTheOutageItAbsorbedEnds() {
        long auto = automaticIncident();
        long manual = staff.open("Everything is slow");
        staff.grace.submit("/console/incidents/" + manual, "/console/incidents/" + manual + "/merge",
                Map.of("from", Long.toString(auto)));

        vigil.target().up();

        RunningVigil.await(PATIENCE, "the merged incident resolved by the recovery",
                () -> "resolved".equals(text("SELECT status FROM incidents WHERE id = " + manual)));
        assertThat(text("SELECT auto_component_id FROM incidents WHERE id = " + manual)).isNull();
        vigil.target().down();
        RunningVigil.await(PATIENCE, "a new automatic incident for the next outage",
                () -> count("SELECT COUNT(*) FROM incidents WHERE auto_component_id = 'api'") == 1);
    }

    @Test
    void anIncidentCannotBeMergedIntoItselfNorAnOpenOneIntoAResolvedOne() {
        long open = staff.open("Still open");
        long resolved = staff.open("Already over");
        staff.postUpdate(resolved, "resolved", "Over.");

        var itself = staff.grace.submit("/console/incidents/" + open, "/console/incidents/" + open + "/merge",
                Map.of("from", Long.toString(open)));
        var openIntoResolved = staff.grace.submit("/console/incidents/" + resolved,
                "/console/incidents/" + resolved + "/merge", Map.of("from", Long.toString(open)));
        var garbage = staff.grace.submit("/console/incidents/" + open, "/console/incidents/" + open + "/merge",
                Map.of("from", "'; DELETE FROM incidents; --"));

        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(itself.body()).contains("cannot be merged into itself");
        assertThat(openIntoResolved.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(openIntoResolved.body(), "from")).isTrue();
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM incidents WHERE merged_into_id IS NOT NULL")).isZero();
    }

    @Test
    void aViewerCannotMerge() {
        long first = staff.open("First");
        long second = staff.open("Second");

        var response = staff.victor.submit("/console/incidents/" + first, "/console/incidents/" + first + "/merge",
                Map.of("from", Long.toString(second)));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** Takes the target down and waits for the incident the outage opens. */
    private long automaticIncident() {
        vigil.target().down();
        RunningVigil.await(PATIENCE, "an automatic incident",
                () -> count("SELECT COUNT(*) FROM incidents WHERE source = 'probe'") == 1);
        return count("SELECT id FROM incidents WHERE source = 'probe'");
    }

    private long count(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private String text(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }
}
