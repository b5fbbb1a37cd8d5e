package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a postmortem of incidents staff opened: creation, edits, timeline, permissions, exports. */
class PostmortemConsoleTest {
    private static final String COMPONENTS = """
            components:
              - id: api
                name: API
              - id: web
                name: Web application
            """;

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Desk desk;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, COMPONENTS);
        desk = new Desk(vigil);
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void aPostmortemOfTwoIncidentsCoversBothWithTheWorstSeverity() {
        long first = resolved("Slow logins", "minor");
        long second = resolved("API down", "critical");

        long id = desk.write("", first, second);

        String page = desk.staff.victor().get("/console/postmortems/" + id).body();
        assertThat(page).contains("Slow logins").contains("SEV1 (critical)").contains("API")
                .contains("Incident opened: Slow logins").contains("Incident opened: API down")
                .contains("Incident resolved: API down").contains("Summary").contains("Where we got lucky")
                .contains("id=\"action-items\"").contains("/console/postmortems/" + id + "/review");
        assertThat(desk.count("SELECT COUNT(*) FROM postmortem_incidents WHERE postmortem_id = " + id)).isEqualTo(2);
        assertThat(desk.texts("SELECT status FROM postmortems WHERE id = " + id)).containsExactly("draft");
        assertThat(desk.staff.victor().get("/console/postmortems").body()).contains("Slow logins").contains("#" + first);
        assertThat(desk.staff.ada().get("/console/audit").body()).contains("postmortem.created");
    }

    @Test
    void theNewPageOffersResolvedIncidentsWithTheGivenOneCheckedAndItsNameAsTitle() {
        long id = resolved("Disk full", "major");

        String page = desk.staff.grace().get("/console/postmortems/new?incident=" + id).body();

        assertThat(page).contains("value=\"Disk full\"").containsPattern(
                "name=\"incident\" value=\"" + id + "\" checked");
        assertThat(desk.staff.grace().get("/console/incidents/" + id).body())
                .contains("/console/postmortems/new?incident=" + id);
    }

    @Test
    void creatingWithoutAnIncidentShowsTheFormAgainAndSavesNothing() {
        HttpResponse<String> refused = desk.create(desk.staff.grace(), "Nothing chosen");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose at least one incident");
        assertThat(desk.count("SELECT COUNT(*) FROM postmortems")).isZero();
    }

    @Test
    void staffHidePinAnnotateAndAddEventsAndEveryEditIsARevision() {
        long id = desk.write("Pinning", resolved("Pinned", "minor"));
        long opened = eventId(id, "incident_opened");
        long resolvedEvent = eventId(id, "resolved");

        assertThat(desk.submit(desk.staff.grace(), id, "/timeline/" + opened + "/hide", Map.of()).statusCode()).isEqualTo(303);
        assertThat(desk.submit(desk.staff.grace(), id, "/timeline/" + resolvedEvent + "/pin", Map.of()).statusCode()).isEqualTo(303);
        desk.submit(desk.staff.grace(), id, "/timeline/" + resolvedEvent + "/annotate", Map.of("annotation", "Rolled back at last"));
        desk.submit(desk.staff.grace(), id, "/timeline", Map.of("event_at", "2026-03-01T10:15:00",
                "event_title", "Deploy of release 42", "event_detail", "The trigger"));

        String page = desk.staff.grace().get("/console/postmortems/" + id).body();
        assertThat(page).contains("pm-event--hidden").contains("pm-event--pinned").contains("Rolled back at last")
                .contains("Deploy of release 42").contains("Mar 1, 2026, 10:15 AM PST");
        String exported = desk.staff.victor().get("/console/postmortems/" + id + "/export.md").body();
        assertThat(exported).contains("Deploy of release 42").contains("Rolled back at last")
                .doesNotContain("Incident opened: Pinned");
        assertThat(desk.texts("SELECT field FROM postmortem_revisions WHERE postmortem_id = " + id))
                .contains("timeline:" + opened, "timeline:" + resolvedEvent).hasSize(4);
    }

    @Test
    void editingDetailsAndSectionsKeepsEveryChangeAsARevision() {
        long id = desk.write("Before", resolved("Edited", "minor"));

        desk.submit(desk.staff.grace(), id, "/sections/summary", Map.of("section.summary", "A **full disk**."));
        Map<String, String> fields = currentDetails(id);
        fields.put("title", "After");
        fields.put("severity", "sev2");
        HttpResponse<String> saved = desk.submit(desk.staff.grace(), id, "/details", fields);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String page = desk.staff.victor().get("/console/postmortems/" + id).body();
        assertThat(page).contains("<strong>full disk</strong>").contains("SEV2 (major)");
        String revisions = desk.staff.victor().get("/console/postmortems/" + id + "/revisions").body();
        assertThat(revisions).contains("section:summary").contains("+ A **full disk**.").contains("title")
                .contains("- Before").contains("+ After").contains("severity").contains("Grace Hopper");
        assertThat(desk.texts("SELECT field FROM postmortem_revisions WHERE postmortem_id = " + id))
                .containsExactlyInAnyOrder("section:summary", "title", "severity");
    }

    @Test
    void anEndBeforeTheStartShowsTheFormAgainWithTheFieldMarkedAndSavesNothing() {
        long id = desk.write("Dates", resolved("Dates", "minor"));
        long version = desk.version(id);

        HttpResponse<String> refused = desk.submit(desk.staff.grace(), id, "/details",
                details("Renamed meanwhile", "sev3", "2026-03-01T10:00:00", "2026-03-01T09:00:00"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The end cannot be before the start.").contains("field--error")
                .contains("value=\"Renamed meanwhile\"");
        assertThat(desk.texts("SELECT title FROM postmortems WHERE id = " + id)).containsExactly("Dates");
        assertThat(desk.version(id)).isEqualTo(version);
        assertThat(desk.count("SELECT COUNT(*) FROM postmortem_revisions WHERE postmortem_id = " + id)).isZero();
    }

    @Test
    void aDetectionBeforeTheStartAndAnUnknownOwnerAreRefused() {
        long id = desk.write("Owners", resolved("Owners", "minor"));
        Map<String, String> early = details("Owners", "sev3", "2026-03-01T10:00:00", "2026-03-01T11:00:00");
        early.put("detected_at", "2026-03-01T09:00:00");

        HttpResponse<String> detection = desk.submit(desk.staff.grace(), id, "/details", early);
        Map<String, String> stranger = details("Owners", "sev3", "", "");
        stranger.put("owner", "999");
        HttpResponse<String> owner = desk.submit(desk.staff.grace(), id, "/details", stranger);

        assertThat(detection.statusCode()).isEqualTo(400);
        assertThat(detection.body()).contains("The detection cannot be before the start.");
        assertThat(owner.statusCode()).isEqualTo(400);
        assertThat(owner.body()).contains("There is no active user 999");
        assertThat(desk.count("SELECT COUNT(*) FROM postmortem_revisions WHERE postmortem_id = " + id)).isZero();
    }

    @Test
    void anEditFromAStalePageIsNotSavedAndSaysSomeoneElseChangedIt() {
        long id = desk.write("Race", resolved("Race", "minor"));
        String stale = Long.toString(desk.version(id));
        desk.submit(desk.staff.ada(), id, "/sections/summary", Map.of("section.summary", "Ada's words."));

        HttpResponse<String> lost = desk.submit(desk.staff.grace(), id, "/sections/summary",
                Map.of("section.summary", "Grace's words.", "version", stale));

        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(lost.body()).contains("Someone else changed this postmortem meanwhile").contains(">Grace's words.</textarea>");
        assertThat(desk.texts("SELECT body FROM postmortem_sections WHERE postmortem_id = " + id
                + " AND section_key = 'summary'")).containsExactly("Ada's words.");
    }

    @Test
    void aViewerReadsButCannotEditAnEditorCannotDeleteAndAnAdminCan() {
        long id = desk.write("Permissions", resolved("Permissions", "minor"));

        assertThat(desk.staff.victor().get("/console/postmortems/" + id).statusCode()).isEqualTo(200);
        assertThat(desk.submit(desk.staff.victor(), id, "/sections/summary", Map.of("section.summary", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(desk.create(desk.staff.victor(), "Victor's", 1).statusCode()).isEqualTo(403);
        assertThat(desk.submit(desk.staff.grace(), id, "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(desk.staff.grace().get("/console/postmortems/template").statusCode()).isEqualTo(403);

        assertThat(desk.submit(desk.staff.ada(), id, "/delete", Map.of()).statusCode()).isEqualTo(303);

        assertThat(desk.staff.grace().get("/console/postmortems/" + id).statusCode()).isEqualTo(404);
        assertThat(desk.staff.grace().get("/console/postmortems").body()).doesNotContain("Permissions");
        assertThat(desk.count("SELECT COUNT(*) FROM postmortems WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(desk.staff.ada().get("/console/audit").body()).contains("postmortem.deleted");
    }

    @Test
    void theExportsCarryTheFiguresTimelineAndSections() {
        long id = desk.write("Exported", resolved("Exported", "major"));
        desk.submit(desk.staff.grace(), id, "/sections/root_causes", Map.of("section.root_causes", "A cron job."));

        HttpResponse<String> markdown = desk.staff.victor().get("/console/postmortems/" + id + "/export.md");
        String print = desk.staff.victor().get("/console/postmortems/" + id + "/print").body();

        assertThat(markdown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"postmortem-" + id + ".md\"");
        assertThat(markdown.body()).contains("# Postmortem: Exported").contains("**Impact time:**")
                .contains("## Timeline").contains("## Root causes").contains("A cron job.").contains("America/Los_Angeles");
        assertThat(print).contains("Postmortem: Exported").contains("<h2>Root causes</h2>").contains("A cron job.")
                .doesNotContain("console-nav");
    }

    @Test
    void aScriptInTheTitleOrASectionIsShownAsTextEverywhere() {
        long id = desk.write("<script>alert('title')</script>", resolved("Hostile", "minor"));
        desk.submit(desk.staff.grace(), id, "/sections/summary",
                Map.of("section.summary", "<script>alert('body')</script> [x](javascript:alert(1))"));

        for (String path : new String[] {"", "/print", "/revisions"}) {
            String page = desk.staff.grace().get("/console/postmortems/" + id + path).body();
            assertThat(page).as(path).doesNotContain("<script>alert(").doesNotContain("href=\"javascript:")
                    .contains("&lt;script&gt;");
        }
        assertThat(desk.staff.grace().get("/console/postmortems").body()).doesNotContain("<script>alert(");
    }

    @Test
    void anAdminEditsTheTemplateAndNewPostmortemsStartWithIt() {
        var saved = desk.staff.ada().submit("/console/postmortems/template", "/console/postmortems/template", Map.ofEntries(Map.entry("section.0.key", "summary"), Map.entry("section.0.title", "Overview"), Map.entry("section.0.position", "1"), Map.entry("section.0.guidance", "Short."), Map.entry("section.1.key", "impact"), Map.entry("section.1.title", "Impact"), Map.entry("section.1.position", "2"), Map.entry("section.1.guidance", ""), Map.entry("section.1.remove", "1"), Map.entry("section.2.new", "1"), Map.entry("section.2.key", "customer_messages"), Map.entry("section.2.title", "Customer messages"), Map.entry("section.2.position", "3"), Map.entry("section.2.guidance", "What we told customers.")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        var bad = desk.staff.ada().submit("/console/postmortems/template", "/console/postmortems/template", Map.of(
                "section.0.key", "Not A Key", "section.0.title", "", "section.0.position", "1", "section.0.guidance", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Section keys are lower-case");

        long id = desk.write("Templated", resolved("Templated", "minor"));

        assertThat(desk.texts("SELECT title FROM postmortem_sections WHERE postmortem_id = " + id + " ORDER BY position"))
                .containsExactly("Overview", "Customer messages");
    }

    private long resolved(String name, String impact) {
        long incident = desk.openIncident(name, impact, "We are looking into it.");
        desk.update(incident, "identified", "Found it.\nSecond line is not shown.");
        desk.update(incident, "resolved", "Fixed.");
        return incident;
    }

    private long eventId(long postmortem, String kind) {
        return desk.count("SELECT MIN(id) FROM postmortem_timeline WHERE postmortem_id = " + postmortem
                + " AND kind = '" + kind + "'");
    }

    /** The details form as the page fills it, to change one field at a time like a person. */
    private Map<String, String> currentDetails(long id) {
        String page = desk.staff.grace().get("/console/postmortems/" + id).body();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String field : new String[] {"started_at", "detected_at", "ended_at"}) {
            var value = java.util.regex.Pattern.compile("name=\"" + field + "\" type=\"datetime-local\" step=\"1\" value=\"([^\"]*)\"")
                    .matcher(page);
            assertThat(value.find()).as(field).isTrue();
            fields.put(field, value.group(1));
        }
        var owner = java.util.regex.Pattern.compile("<option value=\"(\\d+)\" selected>").matcher(
                page.substring(page.indexOf("name=\"owner\"")));
        assertThat(owner.find()).isTrue();
        fields.put("owner", owner.group(1));
        return fields;
    }

    private static Map<String, String> details(String title, String severity, String started, String ended) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", title);
        fields.put("severity", severity);
        fields.put("owner", "");
        fields.put("started_at", started);
        fields.put("detected_at", "");
        fields.put("ended_at", ended);
        return fields;
    }
}
