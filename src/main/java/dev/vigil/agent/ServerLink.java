package dev.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's two calls to the server (issue 11), with its bearer token. Never throws for the network's sake. */
final class ServerLink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** status 0: the server could not be reached at all; problem says why. body is null unless JSON came back. */
    record Answer(int status, JsonNode body, String etag, String problem) {
        boolean unreachable() {
            return status == 0 || status >= 500;
        }
    }

    private final AgentSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ServerLink(AgentSettings settings) {
        this.settings = settings;
    }

    /** GET the location's probes; a 304 when they are still at the given version (an ETag, or null). */
    Answer fetchProbes(String etag) {
        HttpRequest.Builder request = request("/api/v1/agent/probes?location="
                + URLEncoder.encode(settings.location(), StandardCharsets.UTF_8)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return send(request.build());
    }

    /** POST a batch of results, and the results dropped before it (gap may be null). */
    Answer sendResults(List<JsonNode> results, ResultBuffer.Gap gap) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", settings.location());
        body.put("results", results);
        if (gap != null) {
            body.put("dropped", Map.of("count", gap.count(), "from", gap.from().toString(), "until", gap.until().toString()));
        }
        try {
            return send(request("/api/v1/agent/results").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            return new Answer(0, null, null, e.toString());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.server() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + settings.token()).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String problem = null;
            try {
                body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                problem = "the answer was not JSON";
            }
            if (body != null && body.hasNonNull("message")) {
                problem = body.get("message").asText();
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null), problem);
        } catch (IOException e) {
            return new Answer(0, null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }
}
