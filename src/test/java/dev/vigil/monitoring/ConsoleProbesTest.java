package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ada adds the billing service in the console, with no change to vigil.yml and no restart. */
class ConsoleProbesTest {
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
    WebClient ada;

    @BeforeEach
    void start() {
        billing = vigil.target();
        ada = vigil.staff().ada();
    }

    @Test
    void aProbeMadeInTheConsoleStartsCheckingAndOpensAnOutageWhenItsTargetGoesDown() {
        addBillingComponent();
        HttpResponse<String> added = addProbe(probe("billing-health", billing.url()));
        assertThat(added.statusCode()).isEqualTo(303);

        RunningVigil.await(PATIENCE, "checks of the billing service", () -> billing.requests() >= 2);
        billing.down();
        RunningVigil.await(PATIENCE, "an outage of billing-health", () -> openOutages("billing-health") == 1);
        assertThat(ada.get("/console/components").body()).contains("billing-health").contains("Made in the console");
    }

    @Test
    void changingAConsoleProbesTargetMovesItsChecksThere() {
        addBillingComponent();
        addProbe(probe("billing-health", billing.url()));
        RunningVigil.await(PATIENCE, "checks of the old target", () -> billing.requests() >= 1);
        try (TargetServer replacement = TargetServer.start()) {
            Map<String, String> changed = probe("billing-health", replacement.url());
            changed.put("interval", "2s");
            HttpResponse<String> saved = ada.submit("/console/probes/billing-health/edit",
                    "/console/probes/billing-health",
                    changed);

            assertThat(saved.statusCode()).isEqualTo(303);
            RunningVigil.await(PATIENCE, "checks of the new target", () -> replacement.requests() >= 1);
            int before = billing.requests();
            sleep(Duration.ofMillis(2500));
            assertThat(billing.requests()).isEqualTo(before);
            assertThat(ada.get("/console/probes/billing-health/edit").body()).contains("value=\"2s\"");
        }
    }

    @Test
    void removingAConsoleProbeStopsItsChecks() {
        addBillingComponent();
        addProbe(probe("billing-health", billing.url()));
        RunningVigil.await(PATIENCE, "checks of the billing service", () -> billing.requests() >= 1);

        HttpResponse<String> removed = ada.submit("/console/components", "/console/probes/billing-health/remove",
                Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        sleep(Duration.ofMillis(300)); // a check already in flight may still land
        int after = billing.requests();
        sleep(Duration.ofMillis(2500));
        assertThat(billing.requests()).isEqualTo(after);
        assertThat(ada.get("/console/components").body()).doesNotContain("billing-health");
    }

    @Test
    void aComponentMadeInTheConsoleCanBeEditedAndRetired() {
        addBillingComponent();
        HttpResponse<String> edited = ada.submit("/console/components/billing/edit", "/console/components/billing",
                Map.of("name", "Billing and invoices", "group", "Money", "description", "", "position", "1"));
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(vigil.get("/api/v2/components.json").statusCode()).isNotEqualTo(500);
        assertThat(ada.get("/console/components").body()).contains("Billing and invoices").contains("group Money");

        HttpResponse<String> retired = ada.submit("/console/components", "/console/components/billing/retire",
                Map.of());

        assertThat(retired.statusCode()).isEqualTo(303);
        assertThat(ada.get("/console/components").body()).doesNotContain("Billing and invoices");
        // the public snapshot is rebuilt in the background, so the page follows within moments, not at once
        RunningVigil.await(PATIENCE, "the retired component to leave the public summary",
                () -> !vigil.get("/api/v2/summary.json").body().contains("Billing and invoices"));
    }

    @Test
    void aComponentOfVigilYmlIsReadOnlyInTheConsole() {
        String page = ada.get("/console/components").body();
        assertThat(page).contains("From vigil.yml — edit the file, then reload.")
                .doesNotContain("/console/components/web/edit").doesNotContain("/console/probes/web-home/edit");

        HttpResponse<String> form = ada.get("/console/components/web/edit");
        HttpResponse<String> change = ada.submit("/console/components", "/console/components/web",
                Map.of("name", "Renamed"));
        HttpResponse<String> probeChange = ada.submit("/console/components", "/console/probes/web-home/remove",
                Map.of());

        assertThat(form.statusCode()).isEqualTo(409);
        assertThat(form.body()).contains("managed in vigil.yml");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(probeChange.statusCode()).isEqualTo(409);
        assertThat(ada.get("/console/components").body()).contains("Web application").doesNotContain("Renamed");
    }

    @Test
    void aProbeWithBadSettingsComesBackWithTheFieldsMarkedAndNothingSaved() {
        addBillingComponent();
        Map<String, String> bad = probe("billing-health", "ftp://billing.test/health");
        bad.put("interval", "500ms");
        bad.put("expect.status", "700");

        HttpResponse<String> refused = addProbe(bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please correct the marked fields")
                .contains("\"ftp://billing.test/health\" must be an http or https URL")
                .contains("\"500ms\" must be between 1s and 24h")
                .contains("\"700\" must be a whole number from 100 to 599")
                .contains("value=\"ftp://billing.test/health\"")
                .contains("field field--error");
        assertThat(ada.get("/console/components").body()).doesNotContain("billing-health");
    }

    @Test
    void aComponentTickedEssentialInTheFormIsEssentialUntilTheBoxIsUnticked() {
        HttpResponse<String> added = ada.submit("/console/components/new", "/console/components",
                Map.of("id", "login", "name", "Login", "group", "", "description", "", "position", "", "essential", "true"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(essential("login")).isTrue();
        assertThat(ada.get("/console/components").body()).contains("position 2 · essential");
        assertThat(ada.get("/console/components/login/edit").body()).containsPattern("value=\"true\" checked");

        HttpResponse<String> unticked = ada.submit("/console/components/login/edit", "/console/components/login",
                Map.of("name", "Login", "group", "", "description", "", "position", ""));

        assertThat(unticked.statusCode()).as(unticked.body()).isEqualTo(303);
        assertThat(essential("login")).isFalse();
    }

    private boolean essential(String componentId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT essential FROM components WHERE id = :id").bind("id", componentId).mapTo(Integer.class).one()) == 1;
    }

    @Test
    void viewersSeeTheComponentsButOnlyAdminsChangeThem() {
        WebClient grace = vigil.staff().grace();
        WebClient victor = vigil.staff().victor();

        assertThat(victor.get("/console/components").statusCode()).isEqualTo(200);
        assertThat(victor.get("/console/components").body()).doesNotContain("Add a component");
        assertThat(grace.get("/console/components/new").statusCode()).isEqualTo(403);
        assertThat(grace.submit("/console/components", "/console/components",
                Map.of("id", "billing", "name", "Billing")).statusCode()).isEqualTo(403);
        assertThat(victor.submit("/console/components", "/console/probes", probe("x", billing.url())).statusCode())
                .isEqualTo(403);
        assertThat(grace.get("/console/config/reload").statusCode()).isEqualTo(403);
        assertThat(ada.get("/console/components").body()).doesNotContain("Billing");
    }

    private void addBillingComponent() {
        HttpResponse<String> added = ada.submit("/console/components/new", "/console/components",
                Map.of("id", "billing", "name", "Billing", "group", "", "description", "Invoices", "position", ""));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    }

    private HttpResponse<String> addProbe(Map<String, String> fields) {
        return ada.submit("/console/probes/new", "/console/probes", fields);
    }

    private static Map<String, String> probe(String id, String url) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("component", "billing");
        fields.put("url", url);
        fields.put("interval", "1s");
        fields.put("timeout", "1s");
        fields.put("connect_timeout", "");
        fields.put("expect.status", "");
        fields.put("expect.body_contains", "");
        fields.put("expect.max_latency", "");
        fields.put("max_body", "");
        fields.put("failures_to_open", "2");
        fields.put("successes_to_close", "");
        return fields;
    }

    private long openOutages(String probeId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM outages WHERE probe_id = :id AND ended_at IS NULL")
                .bind("id", probeId).mapTo(Long.class).one());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
