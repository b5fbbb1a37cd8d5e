package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials, secret headers and passwords in request bodies, of HTTP and steps probes: staff see them masked in
 * the reload preview, on the components page and in the API.
 */
class ProbeRequestSecretsTest {
    private static final String SITE = """
            site:
              name: Test Status
              url: http://status.test
              time_zone: UTC
            components:
              - id: web
                name: Web application
            """;
    private static final String PROBES = SITE + """
            probes:
              - id: api-orders
                component: web
                url: http://127.0.0.1:9/orders
                interval: 1h
                auth: {bearer: b3arer-secret}
                headers: {X-Api-Key: k3y-secret, Accept: application/json}
              - id: journey
                component: web
                type: steps
                interval: 1h
                steps:
                  - name: sign in
                    url: http://127.0.0.1:9/sign-in
                    body: user=ada&password=pa55-secret
                    auth: {basic: {user: ada, password: ba5ic-secret}}
                    extract: {token: $.token}
                  - name: search
                    url: "http://127.0.0.1:9/search?q=x"
                    headers: {Authorization: "Bearer {{token}}"}
            """;
    private static final String[] SECRETS = {"b3arer-secret", "k3y-secret", "pa55-secret", "ba5ic-secret"};

    @TempDir
    Path dataDir;
    Path file;
    RunningVigil vigil;
    Staff staff;
    WebClient ada;

    @BeforeEach
    void start() throws IOException {
        file = dataDir.resolve("vigil.yml");
        Files.writeString(file, SITE);
        vigil = RunningVigil.startFromFile(file, dataDir);
        staff = Staff.assemble(vigil);
        ada = staff.ada();
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theReloadPreviewOfNewProbesShowsNoSecret() throws IOException {
        Files.writeString(file, PROBES);

        String preview = ada.get("/console/config/reload").body();

        assertThat(preview).contains("<strong>api-orders</strong> added").contains("<strong>journey</strong> added");
        assertThat(preview).doesNotContain(SECRETS);
    }

    @Test
    void aChangedTokenIsReportedWithoutEitherValue() throws IOException {
        Files.writeString(file, PROBES);
        apply();
        Files.writeString(file, PROBES.replace("b3arer-secret", "n3w-secret"));

        String preview = ada.get("/console/config/reload").body();

        assertThat(preview).contains("<strong>api-orders</strong> changed")
                .contains("a password or secret changed (not shown)")
                .doesNotContain("b3arer-secret").doesNotContain("n3w-secret");
    }

    @Test
    void theComponentsPageAndTheApiShowNoSecret() throws IOException {
        Files.writeString(file, PROBES);
        apply();
        String token = staff.apiToken("script", "viewer");

        String page = ada.get("/console/components").body();
        String api = new ApiClient(vigil.url("")).get("/api/v1/probes", token).body();

        assertThat(page).contains("2 steps from http://127.0.0.1:9/sign-in: sign in, search").doesNotContain(SECRETS);
        assertThat(api).contains("\"type\":\"steps\"").doesNotContain(SECRETS);
    }

    private void apply() {
        var hash = java.util.regex.Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"")
                .matcher(ada.get("/console/config/reload").body());
        assertThat(hash.find()).isTrue();
        ada.submit("/console/config/reload", "/console/config/reload", Map.of("hash", hash.group(1)));
    }
}
