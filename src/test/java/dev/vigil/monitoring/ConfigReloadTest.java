package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ada edits vigil.yml on the server and reloads it from the console, looking at the changes first. */
class ConfigReloadTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern HASH = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"");
    private static final String SITE = """
            site:
              name: Test Status
              url: http://status.test
              time_zone: UTC
            """;

    @TempDir
    Path dataDir;
    Path file;
    TargetServer web;
    TargetServer api;
    RunningVigil vigil;
    WebClient ada;

    @BeforeEach
    void start() throws IOException {
        web = TargetServer.start();
        api = TargetServer.start();
        file = dataDir.resolve("vigil.yml");
        write(SITE + """
                components:
                  - id: web
                    name: Web application
                  - id: docs
                    name: Documentation
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 1s
                    timeout: 1s
                """.formatted(web.url()));
        vigil = RunningVigil.startFromFile(file, dataDir);
        ada = Staff.assemble(vigil).ada();
    }

    @AfterEach
    void stop() {
        vigil.close();
        web.close();
        api.close();
    }

    @Test
    void thePreviewListsWhatWouldChangeAndApplyingItStartsAndStopsProbesWithoutARestart() throws IOException {
        RunningVigil.await(PATIENCE, "checks of the web application", () -> web.requests() >= 1);
        write(SITE.replace("Test Status", "Acme Status") + """
                components:
                  - id: web
                    name: Web app
                  - id: api
                    name: Public API
                probes:
                  - id: api-health
                    component: api
                    url: %s
                    interval: 1s
                    timeout: 1s
                """.formatted(api.url()));

        String preview = ada.get("/console/config/reload").body();

        assertThat(preview).contains("<strong>web</strong> changed").contains("name: \"Web application\" → \"Web app\"")
                .contains("<strong>api</strong> added").contains("<strong>docs</strong> retired")
                .contains("<strong>api-health</strong> added").contains("<strong>web-home</strong> removed")
                .contains("Needs a restart").contains("site.name: \"Test Status\" → \"Acme Status\"");
        assertThat(api.requests()).isZero();

        HttpResponse<String> applied = ada.submit("/console/config/reload", "/console/config/reload",
                Map.of("hash", hashOn(preview)));

        assertThat(applied.statusCode()).isEqualTo(303);
        RunningVigil.await(PATIENCE, "checks of the API", () -> api.requests() >= 1);
        sleep(Duration.ofMillis(300));
        int webChecks = web.requests();
        sleep(Duration.ofMillis(2500));
        assertThat(web.requests()).isEqualTo(webChecks);
        String components = ada.get("/console/components").body();
        assertThat(components).contains("Web app").contains("Public API").doesNotContain("Documentation");
        assertThat(vigil.get("/").body()).contains("Test Status"); // the site name waits for a restart
        assertThat(ada.get("/console/audit").body()).contains("config.reloaded");
        assertThat(ada.get("/console/config/reload").body()).doesNotContain("<strong>api</strong> added");
    }

    @Test
    void aBrokenFileShowsEveryProblemAndAppliesNothing() throws IOException {
        String before = ada.get("/console/components").body();
        write(SITE + """
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: wbe
                    url: ftp://web.test/
                    interval: 0s
                """);

        HttpResponse<String> preview = ada.get("/console/config/reload");

        assertThat(preview.body()).contains("vigil.yml has 3 problems; nothing can be applied")
                .contains("probes[0].component: &#34;wbe&#34; is not a declared component".replace("&#34;", "\""))
                .contains("probes[0].url: \"ftp://web.test/\" must be an http or https URL")
                .contains("probes[0].interval: \"0s\" must be between 1s and 24h")
                .doesNotContain("Apply these changes");
        HttpResponse<String> forced = ada.submit("/console/config/reload", "/console/config/reload",
                Map.of("hash", "0"));
        assertThat(forced.statusCode()).isEqualTo(409);
        assertThat(ada.get("/console/components").body()).isEqualTo(before);
        assertThat(ada.get("/console/components").body()).contains("Documentation");
    }

    @Test
    void aFileChangedSinceThePreviewIsShownAgainInsteadOfApplied() throws IOException {
        write(SITE + """
                components:
                  - id: web
                    name: Web application
                  - id: docs
                    name: Docs
                """);
        String preview = ada.get("/console/config/reload").body();
        assertThat(preview).contains("name: \"Documentation\" → \"Docs\"");
        write(SITE + """
                components:
                  - id: web
                    name: Web application
                """);

        HttpResponse<String> applied = ada.submit("/console/config/reload", "/console/config/reload",
                Map.of("hash", hashOn(preview)));

        assertThat(applied.statusCode()).isEqualTo(409);
        assertThat(applied.body()).contains("The file changed since the preview you saw")
                .contains("<strong>docs</strong> retired");
        assertThat(ada.get("/console/components").body()).contains("Documentation").doesNotContain("Docs<");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(file, yaml);
    }

    private static String hashOn(String page) {
        Matcher hash = HASH.matcher(page);
        assertThat(hash.find()).as("a hash on the preview").isTrue();
        return hash.group(1);
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
