package dev.vigil.postmortems;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.CustomerViews;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/postmortems: a script with a viewer, an editor and an admin token writes up an incident. */
class PostmortemApiTest {
    private static final String JSON = "application/json";
    private static final String COMPONENTS = """
            components:
              - {id: api, name: Public API}
            """;

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String viewer;
    String editor;
    String admin;
    long graceId;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, COMPONENTS);
        Staff staff = Staff.assemble(vigil);
        viewer = staff.apiToken("dashboard", "viewer");
        editor = staff.apiToken("ci", "editor");
        admin = staff.apiToken("ops", "admin");
        graceId = staff.idOf("grace@example.com");
        api = new ApiClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    private String openIncident(String name) {
        HttpResponse<String> opened = api.post("/api/v1/incidents", editor, "{\"name\": \"" + name + "\", "
                + "\"impact\": \"major\", \"status\": \"investigating\", \"body\": \"Errors.\", \"component_ids\": [\"api\"]}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json(opened).get("id").asText();
    }

    private void resolve(String incident) {
        HttpResponse<String> resolved = api.post("/api/v1/incidents/" + incident + "/updates", editor,
                "{\"status\": \"resolved\", \"body\": \"Fixed.\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(201);
    }

    private JsonNode writeUp(String incident) {
        HttpResponse<String> created = api.post("/api/v1/postmortems", editor, "{\"incident_ids\": [" + incident + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private HttpResponse<String> patch(String token, String id, String body) {
        return api.send("PATCH", "/api/v1/postmortems/" + id, token, JSON, body);
    }

    private HttpResponse<String> status(String id, String action, long version) {
        return api.post("/api/v1/postmortems/" + id + "/status", editor,
                "{\"action\": \"" + action + "\", \"version\": " + version + "}");
    }

    private JsonNode read(String id) {
        return json(api.get("/api/v1/postmortems/" + id, viewer));
    }

    /** Approval needs a named reviewer, a person in the console; the test stands in for that step. */
    private void approveInTheConsole(String id, String publicDraft) {
        vigil.vigil().database().write(handle -> handle.createUpdate(
                "UPDATE postmortems SET status = 'approved', public_draft = :draft WHERE id = :id")
                .bind("draft", publicDraft).bind("id", Long.parseLong(id)).execute());
    }

    @Test
    void anEditorWritesUpAResolvedIncidentWithItsFiguresAndSections() {
        String incident = openIncident("Checkout errors");
        resolve(incident);

        HttpResponse<String> created = api.post("/api/v1/postmortems", editor,
                "{\"incident_ids\": [\"" + incident + "\"], \"title\": \"Checkout outage\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode postmortem = json(created);
        String id = postmortem.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/postmortems/" + id);
        assertThat(postmortem.get("title").asText()).isEqualTo("Checkout outage");
        assertThat(postmortem.get("status").asText()).isEqualTo("draft");
        assertThat(postmortem.get("severity").asText()).isEqualTo("sev2");
        assertThat(postmortem.get("incident_ids").toString()).isEqualTo("[\"" + incident + "\"]");
        assertThat(postmortem.get("component_ids").toString()).isEqualTo("[\"api\"]");
        assertThat(postmortem.get("owner").isNull()).isTrue();
        assertThat(postmortem.at("/figures/impact_seconds").isIntegralNumber()).isTrue();
        assertThat(postmortem.at("/action_items/open").asInt()).isZero();
        assertThat(postmortem.get("ended_at").asText()).isNotEmpty();
        assertThat(postmortem.get("sections")).isNotEmpty();
        assertThat(postmortem.at("/sections/0/key").asText()).isNotEmpty();
        assertThat(postmortem.get("timeline")).isNotEmpty();
        assertThat(postmortem.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void creatingNeedsIncidentsThatExist() {
        HttpResponse<String> none = api.post("/api/v1/postmortems", editor, "{\"incident_ids\": []}");
        HttpResponse<String> unknown = api.post("/api/v1/postmortems", editor, "{\"incident_ids\": [999]}");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).at("/fields/incident_ids").asText()).contains("at least one incident");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/fields/incident_ids").asText()).contains("no incident 999");
        assertThat(json(api.get("/api/v1/postmortems", viewer)).get("postmortems")).isEmpty();
    }

    @Test
    void theListFiltersByStatusAndRefusesAnUnknownOne() {
        String draft = writeUp(openIncident("Slow search")).get("id").asText();
        String approved = writeUp(openIncident("Login loop")).get("id").asText();
        approveInTheConsole(approved, "");

        JsonNode all = json(api.get("/api/v1/postmortems", viewer));
        JsonNode drafts = json(api.get("/api/v1/postmortems?status=draft", viewer));
        HttpResponse<String> bad = api.get("/api/v1/postmortems?status=finished", viewer);

        assertThat(all.get("postmortems")).hasSize(2);
        assertThat(drafts.get("postmortems")).hasSize(1);
        assertThat(drafts.at("/postmortems/0/id").asText()).isEqualTo(draft);
        assertThat(json(api.get("/api/v1/postmortems?status=approved", viewer)).at("/postmortems/0/id").asText())
                .isEqualTo(approved);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/fields/status").asText()).contains("finished", "in_review");
    }

    @Test
    void aPatchChangesSeveralFieldsAtOnceAndAStaleVersionChangesNothing() {
        JsonNode postmortem = writeUp(openIncident("Checkout errors"));
        String id = postmortem.get("id").asText();
        String section = postmortem.at("/sections/0/key").asText();

        HttpResponse<String> patched = patch(editor, id, "{\"title\": \"Checkout down\", \"severity\": \"sev1\", "
                + "\"owner_id\": " + graceId + ", \"sections\": {\"" + section + "\": \"We **lost** orders.\"}, "
                + "\"tags\": [\"Payments\"], \"version\": 1}");
        HttpResponse<String> stale = patch(editor, id, "{\"title\": \"Something else\", \"tags\": [], \"version\": 1}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("version").asLong()).isEqualTo(2);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).isEqualTo("conflict");
        assertThat(json(stale).get("message").asText()).contains("Someone else changed this postmortem");
        JsonNode now = read(id);
        assertThat(now.get("title").asText()).isEqualTo("Checkout down");
        assertThat(now.get("severity").asText()).isEqualTo("sev1");
        assertThat(now.at("/owner/name").asText()).isEqualTo("Grace Hopper");
        assertThat(now.at("/sections/0/body").asText()).isEqualTo("We **lost** orders.");
        assertThat(now.get("tags").toString()).isEqualTo("[\"payments\"]");
        assertThat(now.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anEndBeforeTheStartIsRefusedNamingTheFieldWithNothingSaved() {
        String id = writeUp(openIncident("Checkout errors")).get("id").asText();

        HttpResponse<String> refused = patch(editor, id, "{\"title\": \"Renamed\", \"started_at\": "
                + "\"2026-03-01T10:00:00Z\", \"ended_at\": \"2026-03-01T09:00:00Z\", \"version\": 1}");
        HttpResponse<String> noVersion = patch(editor, id, "{\"title\": \"Renamed\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/fields/ended_at").asText()).contains("before the start");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).at("/fields/version").asText()).isNotEmpty();
        assertThat(read(id).get("title").asText()).isEqualTo("Checkout errors");
        assertThat(read(id).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void publishingWaitsUntilTheIncidentIsResolved() {
        String incident = openIncident("Checkout errors");
        String id = writeUp(incident).get("id").asText();
        approveInTheConsole(id, "Checkout failed for an hour; we added a second payment provider.");

        HttpResponse<String> early = status(id, "publish", 1);
        resolve(incident);
        HttpResponse<String> published = status(id, "publish", 1);

        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).get("message").asText()).contains("only once its incidents are resolved",
                "Checkout errors");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).get("status").asText()).isEqualTo("published");
        assertThat(json(published).get("public_body").asText()).contains("second payment provider");
        assertThat(json(published).get("public_published_at").asText()).isNotEmpty();
    }

    @Test
    void publishingThroughTheApiIsRefusedWhilePromptsAreLeftNamingEachPartAndNothingIsShown() {
        String incident = openIncident("Checkout errors");
        String id = writeUp(incident).get("id").asText();
        resolve(incident);
        approveInTheConsole(id, "[Write: an apology.]\n\n### What happened\n\nCheckout failed for an hour.\n\n"
                + "### Your data\n\n[Write: say whether any data was lost.]");

        HttpResponse<String> refused = status(id, "publish", 1);

        assertThat(refused.statusCode()).isEqualTo(400);
        ApiClient.assertError(refused, "bad_request");
        assertThat(json(refused).get("message").asText()).startsWith("Write these parts before publishing: Opening, "
                + "Your data.");
        assertThat(read(id).get("status").asText()).isEqualTo("approved");
        assertThat(read(id).get("public_body").isNull()).isTrue();
        assertThat(CustomerViews.of(vigil, Long.parseLong(incident))).doesNotContain("Checkout failed for an hour")
                .doesNotContain("[Write:");
    }

    @Test
    void completingWaitsUntilEveryActionItemIsClosed() {
        String id = writeUp(openIncident("Checkout errors")).get("id").asText();
        approveInTheConsole(id, "");
        HttpResponse<String> item = api.post("/api/v1/postmortems/" + id + "/action-items", editor,
                "{\"title\": \"Alert on payment errors\", \"owner_id\": " + graceId + "}");
        String itemId = json(item).get("id").asText();

        HttpResponse<String> early = status(id, "complete", 1);
        HttpResponse<String> closed = api.send("PATCH", "/api/v1/action-items/" + itemId, editor, JSON,
                "{\"status\": \"done\"}");
        HttpResponse<String> complete = status(id, "complete", 1);

        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).get("message").asText()).contains("Alert on payment errors");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        assertThat(json(complete).get("status").asText()).isEqualTo("complete");
        assertThat(json(complete).at("/action_items/closed").asInt()).isEqualTo(1);
    }

    @Test
    void aTokenCannotApproveBecauseOnlyANamedReviewerCan() {
        String id = writeUp(openIncident("Checkout errors")).get("id").asText();

        HttpResponse<String> refused = status(id, "approve", 1);
        HttpResponse<String> submitted = status(id, "submit", 1);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("console");
        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(json(submitted).get("message").asText()).contains("Name at least one reviewer");
    }

    @Test
    void rolesDecideWhoReadsWritesAndDeletes() {
        String id = writeUp(openIncident("Checkout errors")).get("id").asText();

        assertThat(api.post("/api/v1/postmortems", viewer, "{\"incident_ids\": [1]}").statusCode()).isEqualTo(403);
        assertThat(patch(viewer, id, "{\"title\": \"x\", \"version\": 1}").statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/postmortems/" + id, editor, null, null).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/postmortems", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/postmortems/" + id, null).statusCode()).isEqualTo(401);

        assertThat(api.send("DELETE", "/api/v1/postmortems/" + id, admin, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/postmortems/" + id, viewer).statusCode()).isEqualTo(404);
        assertThat(json(api.get("/api/v1/postmortems", viewer)).get("postmortems")).isEmpty();
    }
}
