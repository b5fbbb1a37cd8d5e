package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProbeConfig;
import dev.vigil.probes.ProbeSettingsStore;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probe URLs carry passwords and tokens; staff see them masked, while the probes keep using them. */
class ProbeUrlSecretsTest {
    private static final String SITE = """
            site:
              name: Test Status
              url: http://status.test
              time_zone: UTC
            components:
              - id: web
                name: Web application
            """;

    @TempDir
    Path dataDir;
    Path file;
    TargetServer target;
    RunningVigil vigil;
    Staff staff;
    WebClient ada;
    String secretUrl;

    @BeforeEach
    void start() throws IOException {
        target = TargetServer.start();
        secretUrl = target.url().replace("http://", "http://monitor:pa55word@") + "?token=t0ken-value&page=2";
        file = dataDir.resolve("vigil.yml");
        Files.writeString(file, SITE);
        vigil = RunningVigil.startFromFile(file, dataDir);
        staff = Staff.assemble(vigil);
        ada = staff.ada();
    }

    @AfterEach
    void stop() {
        vigil.close();
        target.close();
    }

    @Test
    void theReloadPreviewShowsANewProbesUrlWithItsSecretsMasked() throws IOException {
        Files.writeString(file, SITE + """
                probes:
                  - id: web-home
                    component: web
                    url: %s
                """.formatted(secretUrl));

        String preview = ada.get("/console/config/reload").body();

        assertThat(preview).contains("<strong>web-home</strong> added").contains("monitor:****@")
                .contains("token=****").contains("page=2").doesNotContain("pa55word").doesNotContain("t0ken-value");
    }

    @Test
    void theReloadPreviewSaysASecretChangedWithoutShowingEitherValue() throws IOException {
        Files.writeString(file, SITE + "probes:\n  - id: web-home\n    component: web\n    url: " + secretUrl + "\n");
        ada.submit("/console/config/reload", "/console/config/reload", Map.of("hash", hashOn(ada)));
        Files.writeString(file, SITE + "probes:\n  - id: web-home\n    component: web\n    url: "
                + secretUrl.replace("t0ken-value", "n3w-t0ken") + "\n");

        String preview = ada.get("/console/config/reload").body();

        assertThat(preview).contains("<strong>web-home</strong> changed")
                .contains("a password or secret in it changed (not shown)")
                .doesNotContain("t0ken-value").doesNotContain("n3w-t0ken");
    }

    @Test
    void theComponentsPageTheEditFormTheAuditAndTheApiShowTheUrlMaskedAndTheProbeKeepsItsSecrets() {
        ada.submit("/console/components/new", "/console/components",
                Map.of("id", "billing", "name", "Billing", "group", "", "description", "", "position", ""));
        HttpResponse<String> created = ada.submit("/console/probes/new", "/console/probes", probe(secretUrl));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);

        assertThat(ada.get("/console/components").body()).contains("monitor:****@").contains("token=****")
                .doesNotContain("pa55word").doesNotContain("t0ken-value");
        assertThat(ada.get("/console/audit").body()).doesNotContain("pa55word").doesNotContain("t0ken-value");
        String form = ada.get("/console/probes/billing-health/edit").body();
        assertThat(form).contains("monitor:****@").doesNotContain("pa55word").doesNotContain("t0ken-value");
        String token = staff.apiToken("script", "admin");
        String api = new ApiClient(vigil.url("")).get("/api/v1/probes/billing-health", token).body();
        assertThat(api).contains("monitor:****@").doesNotContain("pa55word").doesNotContain("t0ken-value");

        Map<String, String> unchanged = probe(secretUrl.replace("pa55word", "****").replace("t0ken-value", "****"));
        unchanged.put("interval", "2s");
        HttpResponse<String> saved = ada.submit("/console/probes/billing-health/edit", "/console/probes/billing-health",
                unchanged);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(running("billing-health").http().url().toString()).isEqualTo(secretUrl);
        assertThat(running("billing-health").interval()).hasSeconds(2);
    }

    @Test
    void aMaskedSecretCannotBeSentToAnotherHost() {
        ada.submit("/console/components/new", "/console/components",
                Map.of("id", "billing", "name", "Billing", "group", "", "description", "", "position", ""));
        ada.submit("/console/probes/new", "/console/probes", probe(secretUrl));

        HttpResponse<String> moved = ada.submit("/console/probes/billing-health/edit", "/console/probes/billing-health",
                probe("http://monitor:****@elsewhere.test/health?token=****"));

        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("type the password or secret again");
        assertThat(running("billing-health").http().url().toString()).isEqualTo(secretUrl);
    }

    /** The probe as stored, which the registry runs. */
    private ProbeConfig running(String id) {
        return vigil.vigil().database().read(handle -> new ProbeSettingsStore().findActive(handle, id)).orElseThrow();
    }

    private static Map<String, String> probe(String url) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "billing-health");
        fields.put("component", "billing");
        fields.put("url", url);
        fields.put("interval", "1h");
        for (String empty : new String[] {"timeout", "connect_timeout", "expect.status", "expect.body_contains",
                "expect.max_latency", "max_body", "failures_to_open", "successes_to_close"}) {
            fields.put(empty, "");
        }
        return fields;
    }

    private static String hashOn(WebClient client) {
        var hash = java.util.regex.Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"")
                .matcher(client.get("/console/config/reload").body());
        assertThat(hash.find()).isTrue();
        return hash.group(1);
    }
}
