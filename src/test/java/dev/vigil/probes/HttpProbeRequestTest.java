package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an HTTP probe sends: its method, headers, body and credentials, and what it does with redirects. */
class HttpProbeRequestTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<SeenRequest> seen = SeenRequest.list();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theMethodHeadersAndBodyArriveAtTheTarget() {
        server.on("/orders", SeenRequest.recording(seen, 201, "created"));

        CheckResult result = YamlProbe.check("""
                  - id: p
                    component: web
                    url: %s
                    method: put
                    headers: {Content-Type: application/json, X-Request-Source: vigil}
                    body: '{"sku": "probe"}'
                    expect: {status: 201}
                """.formatted(server.url("/orders")));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Request-Source")).isEqualTo("vigil");
            assertThat(request.body()).isEqualTo("{\"sku\": \"probe\"}");
        });
    }

    @Test
    void aBodyWithoutAMethodIsPosted() {
        server.on("/search", SeenRequest.recording(seen, 200, "ok"));

        YamlProbe.check(entry("/search", "body: q=status"));

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo("q=status");
        });
    }

    @Test
    void basicCredentialsFromTheEnvironmentArriveAsAnAuthorizationHeader() {
        server.on("/admin", SeenRequest.recording(seen, 200, "ok"));

        CheckResult result = YamlProbe.check(YamlProbe.read(
                entry("/admin", "auth: {basic: {user: ada, password: \"${ADMIN_PASSWORD}\"}}"),
                Map.of("ADMIN_PASSWORD", "correct horse")));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        String expected = "Basic " + Base64.getEncoder().encodeToString("ada:correct horse".getBytes(StandardCharsets.UTF_8));
        assertThat(seen.get(0).header("Authorization")).isEqualTo(expected);
    }

    @Test
    void aBearerTokenArrivesAsAnAuthorizationHeader() {
        server.on("/api", SeenRequest.recording(seen, 200, "ok"));

        YamlProbe.check(YamlProbe.read(entry("/api", "auth: {bearer: \"${API_TOKEN}\"}"), Map.of("API_TOKEN", "t0k3n")));

        assertThat(seen.get(0).header("Authorization")).isEqualTo("Bearer t0k3n");
    }

    @Test
    void aUserAgentHeaderReplacesVigilsOwn() {
        server.on("/ua", SeenRequest.recording(seen, 200, "ok"));

        YamlProbe.check(entry("/ua", "headers: {User-Agent: acme-monitor/2}"));

        assertThat(seen.get(0).headers().get("User-Agent")).containsExactly("acme-monitor/2");
    }

    @Test
    void withFollowRedirectsOffTheRedirectItselfIsChecked() {
        server.redirect("/old", "/new").on("/new", SeenRequest.recording(seen, 200, "ok"));

        CheckResult expectingOk = YamlProbe.check(entry("/old", "follow_redirects: false"));
        CheckResult expectingTheRedirect = YamlProbe.check(entry("/old", "follow_redirects: false\n    expect: {status: 302}"));

        assertThat(expectingOk.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(expectingOk.reason()).isEqualTo("status 302, expected 200");
        assertThat(expectingTheRedirect.outcome()).isEqualTo(Outcome.UP);
        assertThat(seen).as("the redirect was not followed").isEmpty();
    }

    @Test
    void aPostAnsweredWith303IsFollowedWithAGetWithoutTheBody() {
        server.on("/sign-in", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "/home");
            LocalHttpServer.send(exchange, 303, "");
        }).on("/home", SeenRequest.recording(seen, 200, "welcome"));

        CheckResult result = YamlProbe.check(entry("/sign-in", "body: user=ada\n    expect: {body_contains: welcome}"));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.body()).isEmpty();
        });
    }

    @Test
    void a307RepeatsTheRequestWithItsBody() {
        server.on("/v1/orders", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "/v2/orders");
            LocalHttpServer.send(exchange, 307, "");
        }).on("/v2/orders", SeenRequest.recording(seen, 200, "ok"));

        YamlProbe.check(entry("/v1/orders", "method: PUT\n    body: n=1"));

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.body()).isEqualTo("n=1");
        });
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherSite() {
        try (LocalHttpServer elsewhere = new LocalHttpServer()) {
            elsewhere.on("/landing", SeenRequest.recording(seen, 200, "ok"));
            server.redirect("/start", elsewhere.url("/landing").toString());

            CheckResult result = YamlProbe.check(entry("/start", "auth: {bearer: t0k3n}\n    headers: {Cookie: a=b}"));

            assertThat(result.outcome()).isEqualTo(Outcome.UP);
            assertThat(seen.get(0).header("Authorization")).isNull();
            assertThat(seen.get(0).header("Cookie")).isNull();
        }
    }

    private String entry(String path, String extraKeys) {
        return """
                  - id: p
                    component: web
                    url: %s
                    %s
                """.formatted(server.url(path), extraKeys);
    }
}
