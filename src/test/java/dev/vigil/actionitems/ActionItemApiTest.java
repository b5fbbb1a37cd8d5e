package dev.vigil.actionitems;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1 action items: a script with a viewer, an editor and an admin token. */
class ActionItemApiTest {
    private static final String JSON = "application/json";

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String viewer;
    String editor;
    String admin;
    long postmortem;
    long graceId;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, ActionItemConsoleTest.CONFIG);
        Staff staff = Staff.assemble(vigil);
        viewer = staff.apiToken("dashboard", "viewer");
        editor = staff.apiToken("ci", "editor");
        admin = staff.apiToken("ops", "admin");
        api = new ApiClient(vigil.url(""));
        postmortem = PostmortemFixtures.in(vigil.vigil().database(), Instant.parse("2026-11-01T00:00:00Z"))
                .postmortemAffecting("Checkout outage", "sev2", "api");
        graceId = staff.idOf("grace@example.com");
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    private String items() {
        return "/api/v1/postmortems/" + postmortem + "/action-items";
    }

    private HttpResponse<String> create(String token, String body) {
        return api.post(items(), token, body);
    }

    private HttpResponse<String> patch(String token, String id, String body) {
        return api.send("PATCH", "/api/v1/action-items/" + id, token, JSON, body);
    }

    @Test
    void anEditorCreatesAnItemWhoseDueDateDefaultsFromTheSeverity() {
        HttpResponse<String> created = create(editor, "{\"title\": \"Alert on lag\", \"owner_id\": " + graceId
                + ", \"kind\": \"detect\", \"priority\": \"P1\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode item = json(created);
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        assertThat(item.get("due_on").asText()).isEqualTo(today.plusDays(20).toString());
        assertThat(item.get("status").asText()).isEqualTo("open");
        assertThat(item.get("owner_name").asText()).isEqualTo("Grace Hopper");
        assertThat(item.get("created_by").asText()).startsWith("token:");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/action-items/" + item.get("id").asText());
        assertThat(json(api.get(items(), viewer)).at("/action_items/0/title").asText()).isEqualTo("Alert on lag");
        assertThat(json(api.get("/api/v1/action-items?overdue=1", viewer)).get("action_items")).isEmpty();
        assertThat(json(api.get("/api/v1/action-items?component=api", viewer)).get("action_items")).hasSize(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsSaved() {
        HttpResponse<String> stranger = create(editor, "{\"title\": \"Alert\", \"owner_id\": \"4242\"}");
        HttpResponse<String> past = create(editor, "{\"title\": \"Alert\", \"owner_id\": " + graceId
                + ", \"due_on\": \"2020-01-01\"}");
        HttpResponse<String> impossible = create(editor, "{\"title\": \"Alert\", \"owner_id\": " + graceId
                + ", \"due_on\": \"2027-02-30\"}");
        HttpResponse<String> typo = create(editor, "{\"title\": \"Alert\", \"owner\": " + graceId + "}");

        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(json(stranger).at("/fields/owner_id").asText()).contains("no active user");
        assertThat(json(past).at("/fields/due_on").asText()).contains("cannot be in the past");
        assertThat(json(impossible).at("/fields/due_on").asText()).contains("real date");
        assertThat(json(typo).at("/fields/owner").asText()).contains("Unknown field");
        assertThat(json(api.get(items(), viewer)).get("action_items")).isEmpty();
        assertThat(api.post("/api/v1/postmortems/999/action-items", editor, "{\"title\": \"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPatchChangesTheFieldsNamedAndMovesTheStatusWithItsRules() {
        String id = json(create(editor, "{\"title\": \"Alert\", \"owner_id\": " + graceId + "}")).get("id").asText();

        HttpResponse<String> refused = patch(editor, id, "{\"status\": \"wont_do\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/fields/wont_do_reason").asText()).contains("Say why");
        assertThat(json(api.get("/api/v1/action-items/" + id, viewer)).get("status").asText()).isEqualTo("open");

        HttpResponse<String> done = patch(editor, id, "{\"priority\": \"P4\", \"status\": \"done\", \"version\": 1}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("priority").asText()).isEqualTo("P4");
        assertThat(json(done).get("title").asText()).isEqualTo("Alert");
        assertThat(json(done).get("completed_at").isNull()).isFalse();
        assertThat(json(done).get("version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = patch(editor, id, "{\"title\": \"Late\", \"version\": 1}");
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(json(stale).at("/fields/version").asText()).contains("Someone else changed");
        assertThat(json(patch(editor, id, "{\"owner_id\": 4242}")).at("/fields/owner_id").asText())
                .contains("no active user");
        JsonNode reopened = json(patch(editor, id, "{\"status\": \"open\"}"));
        assertThat(reopened.get("completed_at").isNull()).isTrue();
    }

    @Test
    void aViewerCannotPatchAnEditorCannotDeleteAndAnAdminCan() {
        String id = json(create(editor, "{\"title\": \"Alert\", \"owner_id\": " + graceId + "}")).get("id").asText();

        assertThat(create(viewer, "{\"title\": \"Alert\", \"owner_id\": " + graceId + "}").statusCode()).isEqualTo(403);
        assertThat(patch(viewer, id, "{\"status\": \"done\"}").statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/action-items/" + id, editor, null, null).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/action-items/" + id, viewer).statusCode()).isEqualTo(200);

        assertThat(api.send("DELETE", "/api/v1/action-items/" + id, admin, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/action-items/" + id, viewer).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/action-items/" + id, admin, null, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/action-items/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionHasTheActionItemPathsAndSchemas() {
        JsonNode description = json(api.get("/api/v1/openapi.json", viewer));

        assertThat(description.at("/paths/~1api~1v1~1action-items~1{id}/patch/operationId").asText())
                .isEqualTo("patchActionItem");
        assertThat(description.at("/paths/~1api~1v1~1postmortems~1{id}~1action-items/post/operationId").asText())
                .isEqualTo("createActionItem");
        assertThat(description.at("/components/schemas/ActionItemPatch/required").isMissingNode()).isTrue();
        assertThat(description.at("/components/schemas/NewActionItem/required").toString())
                .isEqualTo("[\"title\",\"owner_id\"]");
    }
}
