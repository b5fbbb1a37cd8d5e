package dev.vigil.agents;

import static dev.vigil.testing.ApiClient.assertError;
import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agents' endpoints (issue 11), called as an agent would: a batch is checked whole, refused with a 4xx that
 * says why and changes nothing, and recorded once however often it is sent.
 */
class AgentResultsApiTest {
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://robot:hunter2@127.0.0.1:9/health
                interval: 10s
                timeout: 2s
                failures_to_open: 2
                successes_to_close: 2
                locations: [east, west, north]
                quorum: 2
              - id: web-admin
                component: web
                url: http://127.0.0.1:9/admin
                interval: 1h
            """);
    ApiClient api;
    String admin;
    String east;

    @BeforeEach
    void createEastsAgent() {
        api = new ApiClient(vigil.url(""));
        admin = vigil.staff().apiToken("provisioning", "admin");
        east = createAgent("Frankfurt VM", "east");
    }

    @Test
    void anAgentGetsTheProbesOfItsLocationWithTheirSecretsAndAnETag() {
        HttpResponse<String> answer = api.get("/api/v1/agent/probes?location=east", east);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.get("location").asText()).isEqualTo("east");
        assertThat(body.get("probes")).hasSize(1);
        assertThat(body.at("/probes/0/id").asText()).isEqualTo("web-home");
        assertThat(body.at("/probes/0/url").asText()).isEqualTo("http://robot:hunter2@127.0.0.1:9/health");
        assertThat(body.at("/probes/0/interval").asText()).isEqualTo("10s");
        assertThat(body.get("canary").isNull()).isTrue();
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = api.send("GET", "/api/v1/agent/probes", east, null, null);
        assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
        assertThat(withEtag(etag).statusCode()).isEqualTo(304);
    }

    @Test
    void anAgentAskingForAnotherLocationsProbesIsRefused() {
        HttpResponse<String> answer = api.get("/api/v1/agent/probes?location=west", east);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertError(answer, "forbidden");
    }

    @Test
    void aBatchIsRecordedWithItsLocationAndOriginalTimes() {
        Instant at = recent(20);

        HttpResponse<String> answer = post(east, batch("east", result("web-home", at, "up"),
                result("web-home", at.plusSeconds(10), "down")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("status").asText()).isEqualTo("recorded");
        assertThat(json(answer).get("recorded").asInt()).isEqualTo(2);
        assertThat(json(answer).get("probes_version").asText()).isNotBlank();
        List<String> rows = vigil.vigil().database().read(h -> h.createQuery("""
                SELECT location || ' ' || started_at || ' ' || outcome FROM check_results ORDER BY started_at""")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("east " + at.toEpochMilli() + " UP",
                "east " + at.plusSeconds(10).toEpochMilli() + " DOWN");
    }

    @Test
    void aReplayedBatchIsRecordedOnceAndAnswersAlreadyRecorded() {
        String batch = batch("east", result("web-home", recent(20), "up"), result("web-home", recent(10), "up"));
        post(east, batch);

        HttpResponse<String> replay = post(east, batch);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("status").asText()).isEqualTo("already recorded");
        assertThat(json(replay).get("already_recorded").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aForgedTokenIsRefusedAndChangesNothing() {
        HttpResponse<String> answer = post(AgentTokens.PREFIX + "forged", batch("east", result("web-home", recent(5), "up")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertError(answer, "unauthorized");
        assertThat(post(admin, batch("east", result("web-home", recent(5), "up"))).statusCode())
                .as("an API token is no agent token").isEqualTo(401);
        assertThat(stored()).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedFromItsNextBatchOn() {
        String id = json(api.get("/api/v1/agents", admin)).at("/agents/0/id").asText();
        assertThat(api.send("DELETE", "/api/v1/agents/" + id, admin, null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> answer = post(east, batch("east", result("web-home", recent(5), "up")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(stored()).isZero();
        assertThat(json(api.get("/api/v1/agents", admin)).at("/agents/0/state").asText()).isEqualTo("revoked");
    }

    @Test
    void aResultOfAProbeTheLocationDoesNotRunRefusesTheWholeBatchNamingIt() {
        HttpResponse<String> answer = post(east, batch("east", result("web-home", recent(20), "up"),
                result("web-admin", recent(10), "up")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertError(answer, "invalid_input");
        assertThat(json(answer).at("/fields/results[1].probe").asText()).contains("web-admin").contains("east");
        assertThat(stored()).isZero();
    }

    @Test
    void resultsFromTheFutureAreRefused() {
        Instant tooLate = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> answer = post(east, batch("east", result("web-home", recent(5), "up"),
                result("web-home", tooLate, "up")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).at("/fields/results[1].started_at").asText()).contains("future");
        assertThat(stored()).isZero();
    }

    @Test
    void aResultGivenTwiceInOneBatchIsRefused() {
        Instant at = recent(5);

        HttpResponse<String> answer = post(east, batch("east", result("web-home", at, "up"), result("web-home", at, "down")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).at("/fields/results[1].scheduled_at").asText()).contains("earlier in this batch");
        assertThat(stored()).isZero();
    }

    @Test
    void aBodyThatIsNotABatchIsA400ThatSaysWhy() {
        HttpResponse<String> broken = post(east, "{\"location\": \"east\", \"results\": [");
        HttpResponse<String> wrongOutcome = post(east, batch("east", result("web-home", recent(5), "sideways")));
        HttpResponse<String> noResults = post(east, "{\"location\": \"east\"}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertError(broken, "bad_request");
        assertThat(wrongOutcome.statusCode()).isEqualTo(400);
        assertThat(json(wrongOutcome).at("/fields/results[0].outcome").asText()).contains("up, degraded, down");
        assertThat(noResults.statusCode()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @Test
    void aBatchSentForAnotherLocationIsRefused() {
        HttpResponse<String> answer = post(east, batch("west", result("web-home", recent(5), "up")));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(stored()).isZero();
    }

    @Test
    void droppedResultsAreRecordedOnceAsAGap() {
        Instant from = recent(300);
        String batch = "{\"location\": \"east\", \"results\": [" + result("web-home", recent(5), "up") + "], "
                + "\"dropped\": {\"count\": 40, \"from\": \"" + from + "\", \"until\": \"" + recent(100) + "\"}}";

        post(east, batch);
        post(east, batch);

        long gaps = vigil.vigil().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM agent_gaps WHERE location = 'east' AND dropped = 40 AND from_at = :from")
                .bind("from", from.toEpochMilli()).mapTo(Long.class).one());
        assertThat(gaps).isEqualTo(1);
    }

    private String createAgent(String name, String location) {
        HttpResponse<String> created = api.post("/api/v1/agents", admin,
                "{\"name\": \"" + name + "\", \"location\": \"" + location + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    private HttpResponse<String> withEtag(String etag) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(vigil.url("/api/v1/agent/probes")))
                    .header("Authorization", "Bearer " + east).header("If-None-Match", etag).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String token, String body) {
        return api.post("/api/v1/agent/results", token, body);
    }

    private long stored() {
        return vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM check_results")
                .mapTo(Long.class).one());
    }

    static Instant recent(int secondsAgo) {
        return Instant.now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MILLIS);
    }

    static String batch(String location, String... results) {
        return "{\"location\": \"" + location + "\", \"results\": [" + String.join(", ", results) + "]}";
    }

    static String result(String probe, Instant at, String outcome) {
        return "{\"probe\": \"" + probe + "\", \"scheduled_at\": \"" + at + "\", \"started_at\": \"" + at
                + "\", \"duration_ms\": 12, \"ttfb_ms\": null, \"outcome\": \"" + outcome + "\", \"reason\": \""
                + ("up".equals(outcome) ? "OK" : "status 503") + "\", \"status_code\": "
                + ("up".equals(outcome) ? 200 : 503) + "}";
    }
}
