package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Updates through the lifecycle, previews without JavaScript, and corrections kept as revisions. */
class PostUpdatesTest {
    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(Staff.COMPONENTS, staff::signIn);

    @Test
    void anIncidentGoesFromInvestigatingToResolvedAndLeavesTheSummary() {
        long id = staff.open(Map.of("name", "Checkout fails", "impact", "critical", "status", "investigating",
                "body", "Looking.", "component.web", "major_outage"));
        RunningVigil.await(Duration.ofSeconds(5), "the incident in summary.json",
                () -> vigil.get("/api/v2/summary.json").body().contains("Checkout fails"));

        staff.postUpdate(id, "identified", "A bad deploy.");
        staff.postUpdate(id, "monitoring", "Rolled back.");
        var resolved = staff.postUpdate(staff.grace, id, "resolved", "All good.", Map.of("component.web", "operational"));

        assertThat(resolved.statusCode()).isEqualTo(303);
        String page = vigil.get("/incidents/" + id).body();
        assertThat(page).contains("Identified").contains("Monitoring").contains("Resolved").contains("All good.");
        assertThat(componentStatus("web")).isEqualTo("operational");
        RunningVigil.await(Duration.ofSeconds(5), "the incident gone from summary.json",
                () -> !vigil.get("/api/v2/summary.json").body().contains("Checkout fails"));
        assertThat(staff.ada.get("/console/audit").body()).contains("incident.update_posted");
    }

    @Test
    void aResolvedIncidentsFormOffersAFollowUpThatKeepsItResolvedAndReopeningOnPurpose() {
        long id = staff.open("Once is enough");
        staff.postUpdate(id, "resolved", "Done.");
        Long resolvedAt = resolvedAt(id);

        String form = staff.grace.get("/console/incidents/" + id).body();
        assertThat(form).containsPattern("value=\"resolved\" selected").doesNotContain("value=\"investigating\" selected")
                .contains("Resolved: a follow-up; the incident stays resolved")
                .contains("Investigating: reopens the incident");

        var followUp = staff.postUpdate(staff.grace, id, "resolved", "The cause was a full disk.", Map.of());

        assertThat(followUp.statusCode()).isEqualTo(303);
        String status = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT status FROM incidents WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(status).isEqualTo("resolved");
        assertThat(resolvedAt(id)).as("the incident keeps the time it was resolved").isEqualTo(resolvedAt);
        assertThat(vigil.get("/incidents/" + id).body()).contains("The cause was a full disk.").contains("Done.");
        assertThat(staff.ada.get("/console/audit").body()).contains("(follow-up)");
    }

    @Test
    void theUpdateFormStartsFromTheIncidentsStatusAndOffersItsTemplatesFirst() {
        long id = staff.open("Found it");
        staff.postUpdate(id, "identified", "A bad deploy.");
        for (String[] template : new String[][] {{"Looking", "investigating"}, {"Cause found", "identified"}}) {
            var saved = staff.grace.submit("/console/incidents/templates", "/console/incidents/templates",
                    Map.of("name", template[0], "status", template[1], "body", template[0] + "."));
            assertThat(saved.statusCode()).isEqualTo(303);
        }

        String form = staff.grace.get("/console/incidents/" + id).body();

        assertThat(form).containsPattern("value=\"identified\" selected").doesNotContain("value=\"investigating\" selected");
        assertThat(form).containsPattern("selected\\S*>Cause found \\(Identified\\)</option>");
        assertThat(form.indexOf("Cause found (Identified)")).isLessThan(form.indexOf("Looking (Investigating)"));
    }

    private Long resolvedAt(long id) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT resolved_at FROM incidents WHERE id = :id").bind("id", id).mapTo(Long.class).one());
    }

    @Test
    void anOpenStatusReopensAResolvedIncident() {
        long id = staff.open("It came back");
        staff.postUpdate(id, "resolved", "Fixed, we thought.");

        staff.postUpdate(id, "investigating", "The errors are back.");

        var row = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT status, resolved_at FROM incidents WHERE id = :id").bind("id", id).mapToMap().one());
        assertThat(row.get("status")).isEqualTo("investigating");
        assertThat(row.get("resolved_at")).isNull();
        String list = staff.grace.get("/console/incidents").body();
        assertThat(list.indexOf("It came back")).isLessThan(list.indexOf("<h2>Resolved</h2>"));
        assertThat(staff.ada.get("/console/audit").body()).contains("(reopened)");
    }

    @Test
    void previewShowsTheRenderedTextAboveTheFormAndKeepsIt() {
        long id = staff.open("Preview me");

        var preview = staff.grace.submit("/console/incidents/" + id, "/console/incidents/" + id + "/updates",
                Map.of("status", "identified", "body", "We found **the cause**.", "action", "preview",
                        "component.api", "degraded_performance"));

        assertThat(preview.statusCode()).isEqualTo(200);
        String html = preview.body();
        assertThat(html).contains("<strong>the cause</strong>").contains(">We found **the cause**.</textarea>");
        assertThat(html.indexOf("data-preview-output")).isLessThan(html.indexOf("action=\"/console/incidents/" + id + "/updates\""));
        assertThat(html).containsPattern("value=\"degraded_performance\"\\s+checked");
        assertThat(html).containsPattern("value=\"identified\" selected");
        assertThat(staff.grace.get("/console/incidents/" + id).body()).doesNotContain("the cause");
        assertThat(componentStatus("api")).isEqualTo("operational");
    }

    @Test
    void aCorrectionKeepsTheEarlierTextAsARevision() {
        long id = staff.open(Map.of("name", "Typo", "impact", "minor", "status", "investigating", "body", "We are invetsigating."));
        long updateId = latestUpdate(id);
        String path = "/console/incidents/" + id + "/updates/" + updateId;

        var corrected = staff.grace.submit(path, path, Map.of("body", "We are investigating."));

        assertThat(corrected.statusCode()).isEqualTo(303);
        assertThat(vigil.get("/incidents/" + id).body()).contains("We are investigating.").doesNotContain("invetsigating");
        String history = staff.victor.get(path).body();
        assertThat(history).contains("We are invetsigating.").contains("Grace Hopper").contains("PST");
        assertThat(staff.grace.get("/console/incidents/" + id).body()).contains("corrected 1 time");
        var revision = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT actor_name, body_before FROM incident_update_revisions WHERE update_id = :id")
                .bind("id", updateId).mapToMap().one());
        assertThat(revision).containsEntry("actor_name", "Grace Hopper").containsEntry("body_before", "We are invetsigating.");
        assertThat(staff.ada.get("/console/audit").body()).contains("incident_update.corrected");
    }

    @Test
    void aViewerCannotCorrectAnUpdate() {
        long id = staff.open("Not Victor's to fix");
        String path = "/console/incidents/" + id + "/updates/" + latestUpdate(id);

        assertThat(staff.victor.get(path).body()).doesNotContain("Save correction");
        assertThat(staff.victor.submit(path, path, Map.of("body", "Victor's words")).statusCode()).isEqualTo(403);
    }

    @Test
    void anEmptyCorrectionIsRefusedWithTheFieldMarked() {
        long id = staff.open("Keep my words");
        String path = "/console/incidents/" + id + "/updates/" + latestUpdate(id);

        var response = staff.grace.submit(path, path, Map.of("body", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "body")).isTrue();
    }

    @Test
    void renamingChangesThePublicName() {
        long id = staff.open("Bad name");

        var renamed = staff.grace.submit("/console/incidents/" + id, "/console/incidents/" + id + "/name",
                Map.of("name", "Search is slow"));

        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(vigil.get("/incidents/" + id).body()).contains("Search is slow").doesNotContain("Bad name");
        assertThat(staff.ada.get("/console/audit").body()).contains("incident.renamed");
    }

    private long latestUpdate(long incidentId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT MAX(id) FROM incident_updates WHERE incident_id = :id").bind("id", incidentId)
                .mapTo(Long.class).one());
    }

    private String componentStatus(String id) {
        return vigil.vigil().database().read(handle -> handle.createQuery("SELECT status FROM components WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
