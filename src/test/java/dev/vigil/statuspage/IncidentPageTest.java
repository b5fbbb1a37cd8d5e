package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident's public page is as hot as the status page during an outage: it is served from
 * memory with an ETag, and a new update shows on it as soon as it is posted.
 */
class IncidentPageTest {
    private static final String TOKEN = "vgl_incident-page-test-token-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String page;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: search
                    name: Search
                """, Map.of("VIGIL_BOOTSTRAP_TOKEN", TOKEN));
        api = new ApiClient(vigil.url(""));
        var created = api.post("/api/v1/incidents", TOKEN, """
                {"name": "Search is down", "impact": "major", "body": "Searches fail.", "component_ids": ["search"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        page = "/incidents/" + ApiClient.json(created).get("id").asText();
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theBrowserCanRevalidateThePageInsteadOfFetchingItAgain() throws Exception {
        HttpResponse<String> first = get(page, Map.of("Accept-Encoding", "identity"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(page, Map.of("If-None-Match", etag));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=5");
        assertThat(first.body()).contains("Search is down").contains("Searches fail.");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aNewUpdateIsOnThePageAsSoonAsItIsPosted() throws Exception {
        String before = get(page, Map.of()).headers().firstValue("ETag").orElseThrow();

        var posted = api.post("/api/v1" + page + "/updates", TOKEN,
                "{\"status\": \"identified\", \"body\": \"A full disk on the index server.\"}");
        HttpResponse<String> after = get(page, Map.of("If-None-Match", before));

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("A full disk on the index server.");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vigil.url(path)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
