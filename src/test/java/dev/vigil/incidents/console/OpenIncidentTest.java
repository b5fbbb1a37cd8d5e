package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening an incident by hand, who may, and what bad input gets back. */
class OpenIncidentTest {
    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(Staff.COMPONENTS, staff::signIn);

    @Test
    void anEditorOpensAnIncidentAndTheComponentStatusChangesAsARow() {
        long id = staff.open(Map.of("name", "API errors", "impact", "major", "status", "investigating",
                "body", "Some requests **fail**.", "component.api", "partial_outage", "component.web", ""));

        String page = staff.grace.get("/console/incidents/" + id).body();
        assertThat(page).contains("API errors").contains("Partial outage").contains("<strong>fail</strong>");
        var change = vigil.vigil().database().read(handle -> handle.createQuery("""
                SELECT from_status, to_status, reason FROM component_status_changes
                 WHERE component_id = 'api' ORDER BY id DESC LIMIT 1""").mapToMap().one());
        assertThat(change).containsEntry("from_status", "operational").containsEntry("to_status", "partial_outage")
                .containsEntry("reason", "staff: Grace Hopper");
        var affected = vigil.vigil().database().read(handle -> handle.createQuery("""
                SELECT a.component_id, a.old_status, a.new_status FROM incident_update_components a
                  JOIN incident_updates u ON u.id = a.update_id WHERE u.incident_id = :id""")
                .bind("id", id).mapToMap().list());
        assertThat(affected).containsExactly(Map.of("component_id", "api", "old_status", "operational",
                "new_status", "partial_outage"));
        assertThat(vigil.get("/incidents/" + id).body()).contains("API errors").contains("Some requests");
    }

    @Test
    void theOpeningIsInTheAuditLog() {
        staff.open("Slow dashboards");

        assertThat(staff.ada.get("/console/audit").body()).contains("incident.opened").contains("Slow dashboards");
    }

    @Test
    void theListShowsOpenIncidentsBeforeResolvedOnes() {
        long older = staff.open("Older, resolved");
        staff.postUpdate(older, "resolved", "Fixed.");
        staff.open("Newer, open");

        String list = staff.victor.get("/console/incidents").body();

        assertThat(list.indexOf("Newer, open")).isLessThan(list.indexOf("Older, resolved"));
        assertThat(list).contains("<h2>Open</h2>").contains("<h2>Resolved</h2>");
    }

    @Test
    void aViewerReadsButCannotChangeAnything() {
        long id = staff.open("Read-only for Victor");

        assertThat(staff.victor.get("/console/incidents").statusCode()).isEqualTo(200);
        var page = staff.victor.get("/console/incidents/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Read-only for Victor").doesNotContain("Post an update");
        assertThat(staff.postUpdate(staff.victor, id, "identified", "Victor was here", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(staff.victor.submit("/console/incidents", "/console/incidents",
                Map.of("name", "Nope", "impact", "minor", "status", "investigating", "body", "x")).statusCode())
                .isEqualTo(403);
        assertThat(staff.victor.get("/console/incidents/new").statusCode()).isEqualTo(403);
        assertThat(staff.grace.get("/console/incidents/" + id).body()).doesNotContain("Victor was here");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        var response = staff.grace.post("/console/incidents",
                Map.of("name", "Forged", "impact", "minor", "status", "investigating", "body", "x"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(staff.grace.get("/console/incidents").body()).doesNotContain("Forged");
    }

    @Test
    void anIncidentNeedsANameOfAtMost200CharactersAndAMessage() {
        var response = staff.grace.submit("/console/incidents/new", "/console/incidents",
                Map.of("name", "x".repeat(201), "impact", "minor", "status", "investigating", "body", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Enter a name of 1 to 200 characters").contains("Write 1 to 20,000 characters")
                .contains("id=\"name\" name=\"name\" type=\"text\" value=\"" + "x".repeat(201) + "\"");
        assertThat(markedInvalid(response.body(), "name")).isTrue();
        assertThat(markedInvalid(response.body(), "body")).isTrue();
    }

    @Test
    void aMessageLongerThan20000CharactersIsRefused() {
        var response = staff.grace.submit("/console/incidents/new", "/console/incidents",
                Map.of("name", "Long", "impact", "minor", "status", "investigating", "body", "y".repeat(20_001)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(markedInvalid(response.body(), "body")).isTrue();
    }

    @Test
    void unknownComponentsStatusesAndImpactsAreMarkedNotFailed() {
        var response = staff.grace.submit("/console/incidents/new", "/console/incidents", Map.of("name", "Odd input",
                "impact", "apocalyptic", "status", "panicking", "body", "x", "component.nope", "major_outage",
                "component.api", "on_fire"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("There is no component \"nope\"").contains("Choose none, minor, major or critical")
                .contains("Choose investigating, identified or monitoring");
        assertThat(markedInvalid(response.body(), "impact")).isTrue();
        assertThat(markedInvalid(response.body(), "status")).isTrue();
        assertThat(response.body()).contains("id=\"component.api-error\"");
        assertThat(staff.grace.get("/console/incidents").body()).doesNotContain("Odd input");
    }

    @Test
    void anIncidentIdThatIsNotANumberIsNotFound() {
        assertThat(staff.grace.get("/console/incidents/abc").statusCode()).isEqualTo(404);
        assertThat(staff.grace.get("/console/incidents/999999").statusCode()).isEqualTo(404);
        assertThat(staff.grace.submit("/console/incidents", "/console/incidents/abc/updates",
                Map.of("status", "identified", "body", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void sqlMetacharactersInANameAreStoredAndShownLiterally() {
        String name = "Robert'); DROP TABLE incidents;-- \"quoted\" & <b>bold</b> 100% _x_";
        long id = staff.open(Map.of("name", name, "impact", "minor", "status", "investigating", "body", "x"));

        String stored = vigil.vigil().database().read(handle -> handle.createQuery("SELECT name FROM incidents WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(stored).isEqualTo(name);
        String escaped = "Robert'); DROP TABLE incidents;-- \"quoted\" &amp; &lt;b&gt;bold&lt;/b&gt; 100% _x_";
        assertThat(staff.grace.get("/console/incidents/" + id).body()).contains(escaped).doesNotContain("<b>bold</b>");
        assertThat(vigil.get("/incidents/" + id).body()).contains(escaped).doesNotContain("<b>bold</b>");
        assertThat(staff.grace.get("/console/incidents").body()).contains(escaped);
    }

    @Test
    void scriptsAndJavascriptLinksInAMessageAreEscapedOrDroppedOnThePublicPage() {
        long id = staff.open(Map.of("name", "Hostile text", "impact", "minor", "status", "investigating",
                "body", "<script>alert(1)</script>\n\nSee [x](javascript:alert(1)) and <img src=x onerror=alert(2)>"));

        String page = vigil.get("/incidents/" + id).body();

        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("javascript:").doesNotContain("<img").contains("href=\"\">x</a>");
        assertThat(staff.grace.get("/console/incidents/" + id).body()).doesNotContain("<script>alert(1)</script>")
                .doesNotContain("javascript:").doesNotContain("<img");
    }

    static boolean markedInvalid(String html, String field) {
        int at = html.indexOf("id=\"" + field + "\"");
        return at >= 0 && html.indexOf("aria-invalid=\"true\"", at) >= 0
                && html.indexOf("aria-invalid=\"true\"", at) < html.indexOf(">", at);
    }
}
