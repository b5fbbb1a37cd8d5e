package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A provisioning script adds, changes and removes the billing service's component and probe with an admin token. */
class ComponentWriteApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://127.0.0.1:9/health
                interval: 1h
            """).withTarget();
    TargetServer billing;
    ApiClient api;
    String admin;
    String editor;

    @BeforeEach
    void start() {
        billing = vigil.target();
        admin = vigil.staff().apiToken("provisioning", "admin");
        editor = vigil.staff().apiToken("incident bot", "editor");
        api = new ApiClient(vigil.url(""));
    }

    @Test
    void aComponentAndProbeMadeThroughTheApiRunChangeAndStop() {
        HttpResponse<String> component = api.post("/api/v1/components", admin,
                "{\"id\": \"billing\", \"name\": \"Billing\", \"group\": \"Money\"}");
        HttpResponse<String> probe = api.post("/api/v1/probes", admin, """
                {"id": "billing-health", "component": "billing", "url": "%s", "interval": "1s", "timeout": "1s",
                 "expect": {"status": 200}, "failures_to_open": 2}""".formatted(billing.url()));

        assertThat(component.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(component).get("source").asText()).isEqualTo("console");
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(201);
        assertThat(probe.headers().firstValue("Location")).hasValue("/api/v1/probes/billing-health");
        RunningVigil.await(PATIENCE, "checks of the billing service", () -> billing.requests() >= 1);

        HttpResponse<String> patched = api.send("PATCH", "/api/v1/probes/billing-health", admin, "application/json",
                "{\"interval\": \"2s\", \"expect\": {\"max_latency\": \"500ms\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode changed = ApiClient.json(patched);
        assertThat(changed.get("interval_seconds").asInt()).isEqualTo(2);
        assertThat(changed.at("/thresholds/max_latency_ms").asInt()).isEqualTo(500);
        assertThat(changed.at("/thresholds/failures_to_open").asInt()).isEqualTo(2);

        HttpResponse<String> renamed = api.send("PATCH", "/api/v1/components/billing", admin, "application/json",
                "{\"name\": \"Billing and invoices\", \"group\": null}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(renamed).get("group").isNull()).isTrue();

        assertThat(api.send("DELETE", "/api/v1/probes/billing-health", admin, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/probes/billing-health", admin).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/components/billing", admin, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/components/billing", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void aComponentIsMadeEssentialAndBackAndAnythingButTrueOrFalseIsRefused() {
        HttpResponse<String> created = api.post("/api/v1/components", admin,
                "{\"id\": \"login\", \"name\": \"Login\", \"essential\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.json(created).get("essential").asBoolean()).isTrue();

        HttpResponse<String> renamed = api.send("PATCH", "/api/v1/components/login", admin, "application/json",
                "{\"name\": \"Sign-in\"}");
        HttpResponse<String> refused = api.send("PATCH", "/api/v1/components/login", admin, "application/json",
                "{\"essential\": \"yes\"}");
        HttpResponse<String> ordinary = api.send("PATCH", "/api/v1/components/login", admin, "application/json",
                "{\"essential\": false}");

        assertThat(ApiClient.json(renamed).get("essential").asBoolean()).as("kept when not given").isTrue();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).at("/fields/essential").asText()).isEqualTo("\"yes\" must be true or false");
        assertThat(ordinary.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/v1/components/login", admin)).get("essential").asBoolean()).isFalse();
        assertThat(ApiClient.json(api.get("/api/v1/components/web", admin)).get("essential").asBoolean()).isFalse();
    }

    @Test
    void componentsAndProbesOfVigilYmlAreRefusedWithAConflict() {
        HttpResponse<String> component = api.send("PATCH", "/api/v1/components/web", admin, "application/json",
                "{\"name\": \"Renamed\"}");
        HttpResponse<String> probe = api.send("DELETE", "/api/v1/probes/web-home", admin, null, null);

        assertThat(component.statusCode()).isEqualTo(409);
        ApiClient.assertError(component, "conflict");
        assertThat(ApiClient.json(component).get("message").asText()).contains("managed in vigil.yml");
        assertThat(probe.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(api.get("/api/v1/probes/web-home", admin)).get("source").asText())
                .isEqualTo("config");
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldWithTheConfigurationsMessages() {
        HttpResponse<String> refused = api.post("/api/v1/probes", admin, """
                {"id": "Billing!", "component": "nope", "url": "ftp://billing.test", "interval": 30,
                 "expect": {"status": 700}, "retries": 3}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode fields = ApiClient.json(refused).get("fields");
        assertThat(fields.get("id").asText()).contains("must be 1 to 63 lowercase letters");
        assertThat(fields.get("component").asText()).contains("is not a declared component; declared: web");
        assertThat(fields.get("url").asText()).isEqualTo("\"ftp://billing.test\" must be an http or https URL");
        assertThat(fields.get("interval").asText()).contains("is not a duration");
        assertThat(fields.get("expect.status").asText()).contains("from 100 to 599");
        assertThat(fields.get("retries").asText()).startsWith("Unknown field");
        assertThat(api.get("/api/v1/probes", admin).body()).doesNotContain("Billing!");
    }

    @Test
    void onlyAdminTokensChangeComponentsAndProbes() {
        HttpResponse<String> component = api.post("/api/v1/components", editor,
                "{\"id\": \"billing\", \"name\": \"Billing\"}");
        HttpResponse<String> probe = api.send("DELETE", "/api/v1/probes/web-home", editor, null, null);

        assertThat(component.statusCode()).isEqualTo(403);
        assertThat(probe.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/components/billing", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionListsTheWritingOperations() {
        JsonNode paths = ApiClient.json(api.get("/api/v1/openapi.json", editor)).get("paths");

        assertThat(paths.at("/~1api~1v1~1components/post/operationId").asText()).isEqualTo("createComponent");
        assertThat(paths.at("/~1api~1v1~1components~1{id}/patch/operationId").asText()).isEqualTo("updateComponent");
        assertThat(paths.at("/~1api~1v1~1components~1{id}/delete/operationId").asText()).isEqualTo("retireComponent");
        assertThat(paths.at("/~1api~1v1~1probes/post/operationId").asText()).isEqualTo("createProbe");
        assertThat(paths.at("/~1api~1v1~1probes~1{id}/patch/operationId").asText()).isEqualTo("updateProbe");
        assertThat(paths.at("/~1api~1v1~1probes~1{id}/delete/operationId").asText()).isEqualTo("removeProbe");
    }
}
