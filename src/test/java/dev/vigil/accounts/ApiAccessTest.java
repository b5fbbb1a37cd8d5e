package dev.vigil.accounts;

import static dev.vigil.testing.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call the admin API, and how it answers what it does not do: always in JSON. */
class ApiAccessTest {
    @TempDir
    Path dataDir;
    MovableClock clock = new MovableClock();
    RunningVigil vigil;
    Staff staff;
    ApiClient api;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components:\n  - id: web\n    name: Web application\n", Map.of(), clock);
        staff = Staff.assemble(vigil);
        api = new ApiClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void aRequestWithoutATokenIsRefusedInJson() {
        var response = api.get("/api/v1/components", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vigil\"");
        assertError(response, "unauthorized");
        assertThat(ApiClient.json(response).get("message").asText()).contains("Authorization: Bearer");
    }

    @Test
    void anUnknownTokenIsRefused() {
        var response = api.get("/api/v1/components", "vgl_not-a-real-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertError(response, "unauthorized");
    }

    @Test
    void aSignedInBrowserCannotUseItsSessionOnTheApi() {
        var response = staff.ada().get("/api/v1/components");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownApiPathsRevealNothingWithoutAToken() {
        assertThat(api.get("/api/v1/secrets", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerTokenReadsButCannotOpenAnIncident() {
        String viewer = staff.apiToken("dashboard", "viewer");

        assertThat(api.get("/api/v1/incidents", viewer).statusCode()).isEqualTo(200);
        var response = api.post("/api/v1/incidents", viewer, "{\"name\": \"Outage\", \"body\": \"Looking into it.\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertError(response, "forbidden");
        assertThat(ApiClient.json(response).get("message").asText()).contains("editor role");
    }

    @Test
    void anUnknownPathIsNotFoundInJson() {
        String token = staff.apiToken("script", "viewer");

        var response = api.get("/api/v1/no-such-thing", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertError(response, "not_found");
    }

    @Test
    void aWrongMethodIsRefusedInJson() {
        String token = staff.apiToken("script", "admin");

        var response = api.send("DELETE", "/api/v1/incidents", token, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertError(response, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");
        assertThat(ApiClient.json(response).get("message").asText()).contains("does not take DELETE");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        String token = staff.apiToken("monitor", "viewer");
        assertThat(lastUsed("monitor")).isNull();

        api.get("/api/v1/components", token);
        Long first = lastUsed("monitor");
        clock.advance(Duration.ofSeconds(30));
        api.get("/api/v1/components", token);
        Long withinAMinute = lastUsed("monitor");
        clock.advance(Duration.ofSeconds(31));
        api.get("/api/v1/components", token);
        Long later = lastUsed("monitor");

        assertThat(first).isNotNull();
        assertThat(withinAMinute).isEqualTo(first);
        assertThat(later).isGreaterThanOrEqualTo(first + 61_000);
        assertThat(staff.ada().get("/console/tokens").body()).doesNotContain("Never");
    }

    @Test
    void theOpenApiDescriptionListsExactlyTheEndpoints() {
        String token = staff.apiToken("codegen", "viewer");

        var response = api.get("/api/v1/openapi.json", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode description = ApiClient.json(response);
        assertThat(description.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> paths = new ArrayList<>();
        description.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/components", "/api/v1/components/{id}", "/api/v1/incidents",
                "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/updates", "/api/v1/incidents/{id}/notice",
                "/api/v1/incidents/{id}/notice/draft", "/api/v1/incidents/{id}/notice/publish", "/api/v1/maintenances",
                "/api/v1/maintenances/{id}", "/api/v1/maintenances/{id}/cancel", "/api/v1/subscribers",
                "/api/v1/subscribers/{id}", "/api/v1/probes", "/api/v1/probes/{id}", "/api/v1/openapi.json",
                "/api/v1/action-items", "/api/v1/action-items/{id}", "/api/v1/postmortems/{id}/action-items",
                "/api/v1/postmortems", "/api/v1/postmortems/{id}", "/api/v1/postmortems/{id}/status", "/api/v1/agents",
                "/api/v1/agents/{id}", "/api/v1/agent/probes", "/api/v1/agent/results");
        assertThat(description.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(description.at("/components/schemas/Error/required").toString()).contains("error", "message");
        assertThat(description.at("/paths/~1api~1v1~1incidents/post/responses/201/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Incident");
        assertThat(description.at("/paths/~1api~1v1~1maintenances/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/NewMaintenance");
        assertThat(description.at("/paths/~1api~1v1~1subscribers~1{id}/delete/responses/204").isMissingNode()).isFalse();
    }

    @Test
    void theOpenApiDescriptionIsReadableWithoutAToken() {
        var response = api.get("/api/v1/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(ApiClient.json(response).get("openapi").asText()).isEqualTo("3.1.0");
        // Only reading it is open: any other method on the path still meets the token guard.
        assertThat(api.post("/api/v1/openapi.json", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void everyReferenceInTheDescriptionResolves() {
        JsonNode description = ApiClient.json(api.get("/api/v1/openapi.json", staff.apiToken("codegen", "viewer")));
        List<String> refs = new ArrayList<>();
        collectRefs(description, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(description.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private Long lastUsed(String name) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT last_used_at FROM api_tokens WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one());
    }
}
