package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Saved wording for common updates, and the Markdown preview endpoint. */
class TemplatesTest {
    private static final String TEMPLATES = "/console/incidents/templates";

    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(Staff.COMPONENTS, staff::signIn);

    @Test
    void aSavedTemplateFillsTheUpdateFormWithoutJavascript() {
        long templateId = saveTemplate("Fix deployed", "monitoring", "A fix is deployed; we are **watching**.");
        long id = staff.open("Using a template");

        String form = staff.grace.get("/console/incidents/" + id + "?template=" + templateId).body();

        assertThat(form).contains(">A fix is deployed; we are **watching**.</textarea>")
                .containsPattern("value=\"monitoring\" selected");
        assertThat(staff.grace.get("/console/incidents/new?template=" + templateId).body())
                .contains(">A fix is deployed; we are **watching**.</textarea>");
    }

    @Test
    void templatesAreListedAndDeleted() {
        long templateId = saveTemplate("We are investigating", "investigating", "We are looking into it.");
        assertThat(staff.grace.get(TEMPLATES).body()).contains("We are investigating").contains("We are looking into it.");

        var deleted = staff.grace.submit(TEMPLATES, TEMPLATES + "/" + templateId + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(staff.grace.get(TEMPLATES).body()).doesNotContain("We are looking into it.");
        assertThat(staff.ada.get("/console/audit").body()).contains("update_template.created")
                .contains("update_template.deleted");
        assertThat(staff.grace.submit(TEMPLATES, TEMPLATES + "/" + templateId + "/delete", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTemplateNeedsANameAStatusAndText() {
        var response = staff.grace.submit(TEMPLATES, TEMPLATES, Map.of("name", "", "status", "postmortem", "body", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "name")).isTrue();
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "status")).isTrue();
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "body")).isTrue();
    }

    @Test
    void anUnknownTemplateIsMarkedNotFailed() {
        saveTemplate("Real one", "identified", "We know why.");
        long id = staff.open("No such template");

        var word = staff.grace.get("/console/incidents/" + id + "?template=banana");
        var gone = staff.grace.get("/console/incidents/" + id + "?template=99999");

        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(word.body(), "template")).isTrue();
        assertThat(word.body()).contains("Choose a template from the list.");
        assertThat(gone.statusCode()).isEqualTo(400);
        assertThat(gone.body()).contains("That template was deleted.");
    }

    @Test
    void templatesAreForEditors() {
        assertThat(staff.victor.get(TEMPLATES).statusCode()).isEqualTo(403);
        assertThat(staff.victor.submit("/console", TEMPLATES, Map.of("name", "x", "status", "monitoring", "body", "x"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void thePreviewEndpointRendersSafeMarkdown() {
        var response = staff.grace.submit("/console/incidents/new", "/console/preview",
                Map.of("body", "**Bold** <script>alert(1)</script>\n\n[x](javascript:alert(1))"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<strong>Bold</strong>").contains("&lt;script&gt;")
                .doesNotContain("<script>").doesNotContain("javascript:").doesNotContain("<html");
    }

    @Test
    void thePreviewEndpointNeedsTheCsrfTokenAndAnEditor() {
        assertThat(staff.grace.post("/console/preview", Map.of("body", "x")).statusCode()).isEqualTo(403);
        assertThat(staff.victor.submit("/console", "/console/preview", Map.of("body", "x")).statusCode()).isEqualTo(403);
    }

    private long saveTemplate(String name, String status, String body) {
        var saved = staff.grace.submit(TEMPLATES, TEMPLATES, Map.of("name", name, "status", status, "body", body));
        assertThat(saved.statusCode()).isEqualTo(303);
        Matcher id = Pattern.compile("action=\"/console/incidents/templates/(\\d+)/delete\"")
                .matcher(staff.grace.get(TEMPLATES).body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }
}
