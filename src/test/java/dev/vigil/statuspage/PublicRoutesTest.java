package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicRoutesTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                demo:
                  enabled: true
                components:
                  - id: search
                    name: Search
                  - id: web
                    name: Web application
                """);
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        assertThat(vigil.get("/incidents/99999").statusCode()).isEqualTo(404);
        assertThat(vigil.get("/incidents/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void theSeededIncidentHasItsOwnPage() {
        var link = java.util.regex.Pattern.compile("href=\"(/incidents/\\d+)\"").matcher(vigil.get("/").body());
        assertThat(link.find()).isTrue();

        var page = vigil.get(link.group(1));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Search upgrade took the app offline").contains("watchdog");
    }

    @Test
    void anUnknownPathIsNotFoundWithoutAStackTrace() {
        var response = vigil.get("/no/such/page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.javalin");
    }

    @Test
    void theDemoSwitchMakesADemoServiceFailAndRecover() {
        assertThat(vigil.get("/demo/search/health").body()).isEqualTo("ok");

        assertThat(vigil.post("/demo/search/fail").statusCode()).isEqualTo(200);
        assertThat(vigil.get("/demo/search/health").statusCode()).isEqualTo(503);

        vigil.post("/demo/search/recover");
        assertThat(vigil.get("/demo/search/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoSwitchCannotBeFlippedWithAGet() {
        assertThat(vigil.get("/demo/search/fail").statusCode()).isIn(404, 405);
        assertThat(vigil.get("/demo/search/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownDemoServiceIsNotFound() {
        assertThat(vigil.post("/demo/billing/fail").statusCode()).isEqualTo(404);
    }

    @Test
    void theStatusJsonHasThePageAndStatusOnly() {
        String body = vigil.get("/api/v2/status.json").body();

        assertThat(body).startsWith("{\"page\":{\"id\":").contains("\"time_zone\":\"America/Los_Angeles\"")
                .contains("\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}")
                .doesNotContain("\"components\"");
    }
}
