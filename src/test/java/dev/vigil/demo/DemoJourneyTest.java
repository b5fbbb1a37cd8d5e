package dev.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.app.Vigil;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.LatestPings;
import dev.vigil.probes.Probes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's steps probe, as data/vigil.yml declares it, run against a demo Vigil started from that same file:
 * it signs in to the pretend tracker, searches and opens a result, and names the search step once search fails.
 */
class DemoJourneyTest {
    @TempDir
    Path dataDir;
    Vigil vigil;
    ProbeConfig journey;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startTheDemo() throws IOException {
        // The demo's probes name Vigil's own port, so it is chosen here rather than left to the server.
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        VigilConfig config = ConfigLoader.load(Path.of("data/vigil.yml"),
                Map.of("VIGIL_PORT", Integer.toString(port), "VIGIL_DATA_DIR", dataDir.toString()));
        journey = config.probes().stream().filter(p -> p.id().equals("search-journey")).findFirst().orElseThrow();
        vigil = Vigil.build(config, Clock.systemUTC()).start();
    }

    @AfterEach
    void stopTheDemo() {
        if (vigil != null) {
            vigil.stop();
        }
    }

    @Test
    void theJourneySignsInSearchesAndOpensAResult() {
        CheckResult result = check();

        assertThat(result.reason()).isEqualTo("OK");
        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void theJourneyNamesTheSearchStepWhenSearchFails() throws Exception {
        post("/demo/search/fail");

        CheckResult result = check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("step 2 \"search\": status 503, expected 200");
    }

    @Test
    void theTrackerRefusesASearchWithoutASession() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(url("/demo/app/search?q=export")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("sign in first");
    }

    private CheckResult check() {
        try (HttpClients clients = new HttpClients()) {
            return Probes.of(journey, Clock.systemUTC(), clients, id -> LatestPings.NONE).start(Instant.now()).join();
        }
    }

    private void post(String path) throws Exception {
        http.send(HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + vigil.port() + path);
    }
}
