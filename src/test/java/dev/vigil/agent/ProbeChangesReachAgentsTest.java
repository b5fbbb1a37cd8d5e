package dev.vigil.agent;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
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

/**
 * Ada changes which probes run at a location and reloads vigil.yml (issue 11): the running agent picks the change
 * up within seconds, told by the answer to its next batch, well before its 30 s refresh.
 */
class ProbeChangesReachAgentsTest {
    private static final Pattern HASH = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"");
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String SITE = """
            site:
              name: Test Status
              url: http://status.test
              time_zone: UTC
            components:
              - id: web
                name: Web application
            probes:
            """;
    private static final String PROBE = """
              - id: %s
                component: web
                url: %s
                interval: 1s
                timeout: 1s
                locations: [%s]
            """;

    @TempDir
    Path dir;
    TargetServer target;
    RunningVigil vigil;
    WebClient ada;
    AgentProcess east;
    Path file;

    @BeforeEach
    void startVigilAndAnAgent() throws IOException {
        target = TargetServer.start();
        file = dir.resolve("vigil.yml");
        Files.writeString(file, SITE + PROBE.formatted("web-home", target.url(), "east"));
        vigil = RunningVigil.startFromFile(file, dir.resolve("data"));
        Staff staff = Staff.assemble(vigil);
        ada = staff.ada();
        ApiClient api = new ApiClient(vigil.url(""));
        String token = json(api.post("/api/v1/agents", staff.apiToken("provisioning", "admin"),
                "{\"name\": \"east VM\", \"location\": \"east\"}")).get("token").asText();
        east = AgentProcess.start(vigil.url(""), token, "east", dir.resolve("agent-east"), null);
        RunningVigil.await(AgentFleet.PATIENCE, "web-home's results from east", () -> rows("web-home") > 0);
    }

    @AfterEach
    void stopEverything() {
        try {
            east.close();
        } finally {
            try {
                vigil.close();
            } finally {
                target.close();
            }
        }
    }

    @Test
    void aProbeAddedAtTheLocationRunsThereAndOneMovedAwayStops() throws IOException {
        Files.writeString(file, SITE + PROBE.formatted("web-home", target.url(), "server")
                + PROBE.formatted("web-api", target.url(), "east"));

        reload();

        // Within 20 s, so before the agent's own 30 s refresh: the answer to a batch told it.
        RunningVigil.await(SOON, "web-api's results from east", () -> rows("web-api") > 0);
        long moved = rows("web-home");
        sleep(3_000);
        assertThat(rows("web-home")).as("web-home no longer runs at east").isLessThanOrEqualTo(moved + 2);
        assertThat(east.log()).contains("1 probes to run at east");
    }

    private void reload() {
        String preview = ada.get("/console/config/reload").body();
        Matcher hash = HASH.matcher(preview);
        assertThat(hash.find()).as("a hash on the preview").isTrue();
        HttpResponse<String> applied = ada.submit("/console/config/reload", "/console/config/reload",
                Map.of("hash", hash.group(1)));
        assertThat(applied.statusCode()).isEqualTo(303);
    }

    private long rows(String probe) {
        return vigil.vigil().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM check_results WHERE location = 'east' AND probe_id = :probe")
                .bind("probe", probe).mapTo(Long.class).one());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
