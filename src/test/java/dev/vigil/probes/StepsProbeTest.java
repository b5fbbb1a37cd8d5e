package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.config.ProbeConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A steps probe against a small shop: sign in (a cookie and a token come back), search (needs both), open the
 * first result (needs the cookie). Each test breaks one part and reads the reason.
 */
class StepsProbeTest {
    private final LocalHttpServer shop = new LocalHttpServer();
    private final List<SeenRequest> seen = SeenRequest.list();

    @BeforeEach
    void openTheShop() {
        shop.on("/sign-in", exchange -> {
            SeenRequest request = SeenRequest.of(exchange);
            seen.add(request);
            if (!request.body().equals("user=ada&password=pw")) {
                LocalHttpServer.send(exchange, 401, "{\"error\": \"wrong password\"}");
                return;
            }
            exchange.getResponseHeaders().add("Set-Cookie", "session=s-77; Path=/; HttpOnly");
            exchange.getResponseHeaders().set("X-Search-Path", "/search");
            LocalHttpServer.send(exchange, 200, "{\"user\": \"ada\", \"token\": \"t-1\"}");
        }).on("/search", exchange -> {
            SeenRequest request = SeenRequest.of(exchange);
            seen.add(request);
            if (!signedIn(request) || !"Bearer t-1".equals(request.header("Authorization"))) {
                LocalHttpServer.send(exchange, 403, "sign in first");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            LocalHttpServer.send(exchange, 200, "{\"results\": [{\"id\": 42, \"title\": \"Lamp\"}]}");
        }).on("/items/42", exchange -> {
            SeenRequest request = SeenRequest.of(exchange);
            seen.add(request);
            LocalHttpServer.send(exchange, signedIn(request) ? 200 : 403, "<h1>Lamp</h1> <a href=\"/basket?add=item-42\">");
        });
    }

    @AfterEach
    void closeTheShop() {
        shop.close();
    }

    @Test
    void aScenarioPassesWhenEveryStepPasses() {
        CheckResult result = YamlProbe.check(scenario());

        assertThat(result.reason()).isEqualTo("OK");
        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.statusCode()).isEqualTo(200);
    }

    @Test
    void extractedValuesFillTheLaterStepsUrlHeadersAndBody() {
        shop.on("/basket", SeenRequest.recording(seen, 200, "added"));
        String fourSteps = scenario() + """
                      - name: add to basket
                        url: %s?sku={{item}}
                        headers: {X-Item: "{{item}}"}
                        body: 'item={{item}}&by={{token}}'
                """.formatted(shop.url("/basket"));

        CheckResult result = YamlProbe.check(fourSteps);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        SeenRequest basket = seen.get(seen.size() - 1);
        assertThat(basket.path()).isEqualTo("/basket?sku=item-42");
        assertThat(basket.header("X-Item")).isEqualTo("item-42");
        assertThat(basket.body()).isEqualTo("item=item-42&by=t-1");
    }

    @Test
    void theCookieOfOneStepIsSentByTheNext() {
        YamlProbe.check(scenario());

        assertThat(seen).extracting(request -> request.header("Cookie"))
                .containsExactly(null, "session=s-77", "session=s-77");
    }

    @Test
    void eachRunStartsWithoutCookies() {
        ProbeConfig probe = YamlProbe.read(scenario(), Map.of());

        YamlProbe.check(probe);
        YamlProbe.check(probe);

        assertThat(seen).hasSize(6);
        assertThat(seen.get(3).header("Cookie")).isNull();
    }

    @Test
    void theFailingStepIsNamedWithItsNumber() {
        shop.respond("/search", 500, "index unavailable");

        CheckResult result = YamlProbe.check(scenario());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("step 2 \"search\": status 500, expected 200");
        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(seen.stream().map(SeenRequest::path)).as("no step after the failing one").doesNotContain("/items/42");
    }

    @Test
    void aStepWithoutANameIsNamedByItsNumber() {
        CheckResult result = YamlProbe.check(scenario().replace("password=pw", "password=wrong")
                .replace("      - name: sign in\n        url", "      - url"));

        assertThat(result.reason()).isEqualTo("step 1: status 401, expected 200");
    }

    @Test
    void anExtractionThatFindsNothingFailsItsStep() {
        shop.respond("/sign-in", 200, "{\"user\": \"ada\"}");

        CheckResult result = YamlProbe.check(scenario());

        assertThat(result.reason())
                .isEqualTo("step 1 \"sign in\": nothing to extract for {{token}}: $.token is missing");
    }

    @Test
    void aHeaderExtractionWithoutItsHeaderFailsItsStep() {
        shop.on("/sign-in", exchange -> {
            exchange.getRequestBody().readAllBytes();
            LocalHttpServer.send(exchange, 200, "{\"token\": \"t-1\"}");
        });

        CheckResult result = YamlProbe.check(scenario());

        assertThat(result.reason()).isEqualTo(
                "step 1 \"sign in\": nothing to extract for {{search}}: the answer has no X-Search-Path header");
    }

    @Test
    void aRegexExtractionThatMatchesNothingFailsItsStep() {
        shop.respond("/items/42", 200, "<h1>Lamp</h1> sold out");

        CheckResult result = YamlProbe.check(scenario());

        assertThat(result.reason()).isEqualTo(
                "step 3 \"open a result\": nothing to extract for {{item}}: regex:add=(item-\\d+) found nothing in the body");
    }

    @Test
    void aCookieSetOnARedirectIsCarriedToWhereItLeads() {
        shop.on("/login", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Set-Cookie", "session=s-77; Path=/");
            exchange.getResponseHeaders().set("Location", "/items/42");
            LocalHttpServer.send(exchange, 303, "");
        });

        CheckResult result = YamlProbe.check("""
                  - id: journey
                    component: web
                    type: steps
                    steps:
                      - name: sign in
                        url: %s
                        body: user=ada
                        expect: {body_contains: Lamp}
                """.formatted(shop.url("/login")));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void theWholeScenarioSharesTheProbesTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        shop.on("/search", exchange -> hang(exchange, release));
        try {
            long before = System.nanoTime();
            CheckResult result = YamlProbe.check(scenario().replace("interval: 1m", "interval: 1m\n    timeout: 1s"));
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(result.reason()).isEqualTo("step 2 \"search\": timeout after 1 s");
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowStepMakesTheScenarioDegradedAndIsNamed() {
        shop.on("/items/42", exchange -> {
            sleep(Duration.ofMillis(400));
            exchange.getResponseHeaders().set("Set-Cookie", "x=y");
            LocalHttpServer.send(exchange, 200, "<h1>Lamp</h1> add=item-42");
        });

        CheckResult result = YamlProbe.check(scenario().replace("body_matches: \"<h1>Lamp</h1>\"",
                "body_matches: \"<h1>Lamp</h1>\", max_latency: 100ms"));

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.reason()).startsWith("step 3 \"open a result\": slow: ").endsWith(", limit 0.1 s");
    }

    private static boolean signedIn(SeenRequest request) {
        String cookie = request.header("Cookie");
        return cookie != null && cookie.contains("session=s-77");
    }

    private static void hang(HttpExchange exchange, CountDownLatch release) throws IOException {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalHttpServer.send(exchange, 200, "too late");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sign in (token from JSON, the search path from a header), search (first id), open it (a regex keeps an id). */
    private String scenario() {
        String base = shop.url("").toString();
        return """
                  - id: journey
                    component: web
                    type: steps
                    interval: 1m
                    steps:
                      - name: sign in
                        url: %1$s/sign-in
                        method: POST
                        headers: {Content-Type: application/x-www-form-urlencoded}
                        body: user=ada&password=pw
                        extract: {token: $.token, search: "header:X-Search-Path"}
                      - name: search
                        url: "%1$s{{search}}?q=lamp"
                        auth: {bearer: "{{token}}"}
                        expect:
                          headers: {Content-Type: json}
                          json: [{path: "$.results[0].title", equals: Lamp}]
                        extract: {first: "$.results[0].id"}
                      - name: open a result
                        url: "%1$s/items/{{first}}"
                        expect: {body_matches: "<h1>Lamp</h1>"}
                        extract: {item: 'regex:add=(item-\\d+)'}
                """.formatted(base);
    }
}
