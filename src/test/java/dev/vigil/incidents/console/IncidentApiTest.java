package dev.vigil.incidents.console;

import static dev.vigil.testing.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy script runs an incident through the admin API with Grace's editor token. */
class IncidentApiTest {
    private static final String COMPONENTS = """
            components:
              - id: web
                name: Web application
              - id: search
                name: Search
            """;

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String editor;
    String viewer;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, COMPONENTS);
        Staff staff = Staff.assemble(vigil);
        editor = staff.apiToken("deploy script", "editor");
        viewer = staff.apiToken("dashboard", "viewer");
        api = new ApiClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void anEditorTokenOpensAnIncidentThatAppearsOnThePublicPage() {
        var created = api.post("/api/v1/incidents", editor, """
                {"name": "Search is slow", "impact": "minor", "status": "identified",
                 "body": "Queries take **seconds**. A reindex is running.", "component_ids": ["search"]}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode incident = ApiClient.json(created);
        String id = incident.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/incidents/" + id);
        assertThat(incident.get("name").asText()).isEqualTo("Search is slow");
        assertThat(incident.get("status").asText()).isEqualTo("identified");
        assertThat(incident.get("impact").asText()).isEqualTo("minor");
        assertThat(incident.get("source").asText()).isEqualTo("staff");
        assertThat(incident.get("component_ids").toString()).isEqualTo("[\"search\"]");
        assertThat(incident.get("updates").get(0).get("body").asText()).contains("**seconds**");
        assertThat(incident.get("url").asText()).isEqualTo("http://status.test/incidents/" + id);
        RunningVigil.await(Duration.ofSeconds(10), "the incident on the public summary",
                () -> vigil.get("/api/v2/summary.json").body().contains("Search is slow"));
    }

    @Test
    void impactAndStatusDefaultToNoneAndInvestigating() {
        JsonNode incident = ApiClient.json(api.post("/api/v1/incidents", editor,
                "{\"name\": \"Checking a report\", \"body\": \"A customer reports errors.\"}"));

        assertThat(incident.get("impact").asText()).isEqualTo("none");
        assertThat(incident.get("status").asText()).isEqualTo("investigating");
        assertThat(incident.get("component_ids").size()).isZero();
    }

    @Test
    void anUpdateMovesTheIncidentOn() {
        String id = open("Web is down");

        var updated = api.post("/api/v1/incidents/" + id + "/updates", editor,
                "{\"status\": \"resolved\", \"body\": \"Back up after a rollback.\"}");

        assertThat(updated.statusCode()).isEqualTo(201);
        JsonNode incident = ApiClient.json(updated);
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("resolved_at").isNull()).isFalse();
        assertThat(incident.get("updates").size()).isEqualTo(2);
        assertThat(incident.get("updates").get(0).get("body").asText()).isEqualTo("Back up after a rollback.");
        RunningVigil.await(Duration.ofSeconds(10), "the resolved incident off the public summary",
                () -> !vigil.get("/api/v2/summary.json").body().contains("Web is down"));
    }

    @Test
    void anUpdateWithoutAStatusKeepsTheIncidentsStatus() {
        String id = open("Web is down");

        JsonNode incident = ApiClient.json(api.post("/api/v1/incidents/" + id + "/updates", editor,
                "{\"body\": \"Still looking.\"}"));

        assertThat(incident.get("status").asText()).isEqualTo("investigating");
    }

    @Test
    void incidentsAndComponentsCanBeRead() {
        String id = open("Web is down");

        JsonNode list = ApiClient.json(api.get("/api/v1/incidents", viewer));
        JsonNode one = ApiClient.json(api.get("/api/v1/incidents/" + id, viewer));
        JsonNode components = ApiClient.json(api.get("/api/v1/components", viewer));
        JsonNode search = ApiClient.json(api.get("/api/v1/components/search", viewer));

        assertThat(list.get("incidents").get(0).get("name").asText()).isEqualTo("Web is down");
        assertThat(list.get("incidents").get(0).get("updates").size()).isEqualTo(1);
        assertThat(one.get("id").asText()).isEqualTo(id);
        assertThat(components.get("components").findValuesAsText("id")).containsExactly("web", "search");
        assertThat(search.get("name").asText()).isEqualTo("Search");
        assertThat(search.get("status").asText()).isEqualTo("operational");
    }

    @Test
    void unknownIncidentsAndComponentsAreNotFound() {
        assertError(api.get("/api/v1/incidents/99999", viewer), "not_found");
        assertError(api.get("/api/v1/incidents/not-a-number", viewer), "not_found");
        assertError(api.get("/api/v1/components/billing", viewer), "not_found");
        var update = api.post("/api/v1/incidents/99999/updates", editor, "{\"body\": \"Hello?\"}");
        assertThat(update.statusCode()).isEqualTo(404);
        assertError(update, "not_found");
    }

    @Test
    void aMissingNameIsRefusedWithAFieldMessage() {
        var response = api.post("/api/v1/incidents", editor, "{\"body\": \"Something is wrong.\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "invalid_input");
        assertThat(ApiClient.json(response).at("/fields/name").asText()).contains("name of 1 to 200 characters");
    }

    @Test
    void anUnknownComponentIsRefusedWithTheKnownOnes() {
        var response = api.post("/api/v1/incidents", editor,
                "{\"name\": \"Billing down\", \"body\": \"Invoices fail.\", \"component_ids\": [\"billing\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).at("/fields/component_ids").asText())
                .contains("billing").contains("Known components: web, search");
    }

    @Test
    void aBodyOverTwentyThousandCharactersIsRefused() {
        String body = "x".repeat(20_001);

        var response = api.post("/api/v1/incidents", editor, "{\"name\": \"Long\", \"body\": \"" + body + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).at("/fields/body").asText()).contains("20,000").contains("20,001");
        var fits = api.post("/api/v1/incidents", editor, "{\"name\": \"Long\", \"body\": \"" + "x".repeat(20_000) + "\"}");
        assertThat(fits.statusCode()).isEqualTo(201);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var response = api.post("/api/v1/incidents", editor,
                "{\"name\": \"\", \"impact\": \"apocalyptic\", \"status\": \"postmortem\", \"body\": \"\"}");

        JsonNode fields = ApiClient.json(response).get("fields");
        assertThat(fields.has("name")).isTrue();
        assertThat(fields.get("impact").asText()).isEqualTo("Use one of none, minor, major, critical.");
        assertThat(fields.get("status").asText()).contains("investigating, identified, monitoring, resolved");
        assertThat(fields.has("body")).isTrue();
    }

    @Test
    void fieldsOfTheWrongTypeOrUnknownFieldsAreRefused() {
        var response = api.post("/api/v1/incidents", editor,
                "{\"name\": 42, \"body\": \"Text\", \"componentIds\": [\"web\"], \"component_ids\": \"web\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = ApiClient.json(response).get("fields");
        assertThat(fields.get("name").asText()).isEqualTo("Must be a string.");
        assertThat(fields.get("componentIds").asText()).contains("Unknown field");
        assertThat(fields.get("component_ids").asText()).contains("list of strings");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsUnsupported() {
        var response = api.send("POST", "/api/v1/incidents", editor, "application/x-www-form-urlencoded",
                "name=Down&body=Down");

        assertThat(response.statusCode()).isEqualTo(415);
        assertError(response, "unsupported_media_type");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var broken = api.post("/api/v1/incidents", editor, "{\"name\": \"Down\",");
        var notAnObject = api.post("/api/v1/incidents", editor, "[\"Down\"]");
        var empty = api.post("/api/v1/incidents", editor, "");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertError(broken, "bad_request");
        assertThat(ApiClient.json(broken).get("message").asText()).contains("not valid JSON").contains("line 1");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(notAnObject).get("message").asText()).contains("must be a JSON object");
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void theAuditLogNamesTheTokenThatActed() {
        String id = open("Web is down");
        api.post("/api/v1/incidents/" + id + "/updates", editor, "{\"body\": \"Still looking.\"}");
        long tokenId = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT id FROM api_tokens WHERE name = 'deploy script'").mapTo(Long.class).one());

        var entries = vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT actor || ' ' || action FROM audit_log WHERE action LIKE 'incident.%' ORDER BY id")
                .mapTo(String.class).list());

        assertThat(entries).containsExactly("token:" + tokenId + " incident.created", "token:" + tokenId + " incident.updated");
    }

    private String open(String name) {
        var created = api.post("/api/v1/incidents", editor, "{\"name\": \"" + name + "\", \"body\": \"Investigating.\", "
                + "\"impact\": \"major\", \"component_ids\": [\"web\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        return ApiClient.json(created).get("id").asText();
    }
}
