package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff correct the impact our checks gave an incident; who did it and when is kept. */
class ImpactCorrectionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

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
    void anEditorCorrectsTheImpactOurChecksGaveAndThePageSaysWhoDid() {
        long id = automaticIncident();
        String before = staff.grace.get("/console/incidents/" + id).body();
        assertThat(before).contains("Impact: Major").contains("Set by our checks from how much of the service is affected");

        var corrected = staff.grace.submit("/console/incidents/" + id, "/console/incidents/" + id + "/impact",
                Map.of("impact", "minor"));

        assertThat(corrected.statusCode()).isEqualTo(303);
        assertThat(text("SELECT impact FROM incidents WHERE id = " + id)).isEqualTo("minor");
        assertThat(text("SELECT actor_name FROM incident_impact_changes WHERE incident_id = " + id))
                .isEqualTo("Grace Hopper");
        String after = staff.victor.get("/console/incidents/" + id).body();
        assertThat(after).contains("Impact: Minor").contains("Set by Grace Hopper on")
                .contains("corrected from major to minor by Grace Hopper")
                .doesNotContain("action=\"/console/incidents/" + id + "/impact\"");
        assertThat(staff.ada.get("/console/audit").body()).contains("incident.impact_corrected");
        RunningVigil.await(PATIENCE, "the corrected impact in summary.json",
                () -> vigil.get("/api/v2/summary.json").body().contains("\"impact\":\"minor\""));
    }

    @Test
    void anImpactThatIsNotOneOfTheFourIsMarkedAndAViewerCannotCorrect() {
        long id = staff.open("Slow exports");

        var unknown = staff.grace.submit("/console/incidents/" + id, "/console/incidents/" + id + "/impact",
                Map.of("impact", "catastrophic"));
        var byViewer = staff.victor.submit("/console/incidents/" + id, "/console/incidents/" + id + "/impact",
                Map.of("impact", "critical"));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(unknown.body(), "impact")).isTrue();
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(text("SELECT impact FROM incidents WHERE id = " + id)).isEqualTo("minor");
        assertThat(text("SELECT COUNT(*) FROM incident_impact_changes")).isEqualTo("0");
    }

    /** Takes the target down and waits for the incident the outage opens. */
    private long automaticIncident() {
        vigil.target().down();
        RunningVigil.await(PATIENCE, "an automatic incident",
                () -> "1".equals(text("SELECT COUNT(*) FROM incidents WHERE source = 'probe'")));
        return Long.parseLong(text("SELECT id FROM incidents WHERE source = 'probe'"));
    }

    private String text(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }
}
