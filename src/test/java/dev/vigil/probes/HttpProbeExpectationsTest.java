package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a passing answer looks like, and the words each failing check gives. */
class HttpProbeExpectationsTest {
    private static final String HEALTH = "{\"status\": \"degraded\", \"version\": \"2.4.1\", \"checks\": "
            + "[{\"name\": \"db\", \"ok\": true, \"latency_ms\": 12.0}]}";

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0} answering {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [200, "300-399"]         | 200 | UP
            [200, "300-399"]         | 302 | UP
            [200, "300-399"]         | 404 | status 404, expected 200 or 300-399
            '"200-299"'              | 204 | UP
            '"200-299"'              | 300 | status 300, expected 200-299
            [200, 201, "500-503"]    | 503 | UP
            [200, 201, "500-503"]    | 504 | status 504, expected 200, 201 or 500-503
            204                      | 200 | status 200, expected 204
            """)
    void statusListsAndRangesAccept(String status, int answered, String expected) {
        server.respond("/s", answered, "body");

        CheckResult result = check("/s", "expect: {status: " + status + "}");

        assertThat(expected.equals("UP") ? result.outcome().name() : result.reason()).isEqualTo(expected);
    }

    @Test
    void theBodyMustMatchTheExpression() {
        server.respond("/ready", 200, "state: READY").respond("/starting", 200, "state: starting");

        assertThat(check("/ready", "expect: {body_matches: \"(?i)ok|ready\"}").outcome()).isEqualTo(Outcome.UP);
        assertThat(check("/starting", "expect: {body_matches: \"ok|ready\"}").reason())
                .isEqualTo("body did not match /ok|ready/");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {path: $.version, matches: '^2\\.'}           | UP
            {path: "$.checks[0].ok", equals: true}        | UP
            {path: "$.checks[0].latency_ms", equals: 12}  | UP
            {path: "$.checks[0]['name']", equals: db}     | UP
            {path: $.checks}                              | UP
            {path: $.status, equals: ok}                  | $.status was "degraded", expected "ok"
            {path: $.version, matches: '^3\\.'}           | $.version was "2.4.1", expected /^3\\./
            {path: "$.checks[0].ok", equals: false}       | $.checks[0].ok was true, expected false
            {path: "$.checks[1].name", equals: cache}     | $.checks[1].name is missing
            {path: $.uptime}                              | $.uptime is missing
            """)
    void jsonValuesAreCheckedByPath(String assertion, String expected) {
        server.respond("/health", 200, HEALTH);

        CheckResult result = check("/health", "expect: {json: [" + assertion + "]}");

        assertThat(expected.equals("UP") ? result.outcome().name() : result.reason()).isEqualTo(expected);
    }

    @Test
    void aJsonCheckOfABodyThatIsNotJsonSaysSo() {
        server.respond("/html", 200, "<html>maintenance</html>");

        assertThat(check("/html", "expect: {json: [{path: $.status, equals: ok}]}").reason())
                .isEqualTo("body is not JSON, so $.status could not be read");
    }

    @Test
    void theFirstFailingJsonCheckIsTheReason() {
        server.respond("/health", 200, HEALTH);

        CheckResult result = check("/health",
                "expect: {json: [{path: $.version, matches: '^2'}, {path: $.status, equals: ok}, {path: $.gone}]}");

        assertThat(result.reason()).isEqualTo("$.status was \"degraded\", expected \"ok\"");
    }

    @Test
    void responseHeadersMustMatchTheirExpressions() {
        server.on("/page", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            LocalHttpServer.send(exchange, 200, "<p>hi</p>");
        });

        assertThat(check("/page", "expect: {headers: {content-type: html}}").outcome()).isEqualTo(Outcome.UP);
        assertThat(check("/page", "expect: {headers: {Content-Type: json}}").reason())
                .isEqualTo("header Content-Type was \"text/html; charset=utf-8\", expected /json/");
        assertThat(check("/page", "expect: {headers: {X-Served-By: edge}}").reason())
                .isEqualTo("header X-Served-By is missing, expected /edge/");
    }

    @Test
    void theStatusIsCheckedBeforeTheBody() {
        server.respond("/down", 503, "{\"status\": \"down\"}");

        CheckResult result = check("/down", "expect: {body_matches: ok, json: [{path: $.status, equals: ok}]}");

        assertThat(result.reason()).isEqualTo("status 503, expected 200");
    }

    @Test
    void aCutBodySaysSoWhenTheExpressionWasNotInWhatWasRead() {
        server.respond("/long", 200, "x".repeat(4096) + "READY");

        CheckResult result = check("/long", "max_body: 1KiB\n    expect: {body_matches: READY}");

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("body cut at 1KiB (max_body) and /READY/ did not match what was read");
    }

    @Test
    void aCutJsonBodySaysSoRatherThanThatItIsNotJson() {
        server.respond("/big.json", 200, "{\"items\": [" + "1,".repeat(2000) + "2], \"status\": \"ok\"}");

        CheckResult result = check("/big.json", "max_body: 1KiB\n    expect: {json: [{path: $.status, equals: ok}]}");

        assertThat(result.reason()).isEqualTo("body cut at 1KiB (max_body), so $.status could not be read");
    }

    @Test
    void aCutBodyStillPassesWhenTheExpressionMatchesWhatWasRead() {
        server.respond("/long", 200, "READY" + "x".repeat(4096));

        assertThat(check("/long", "max_body: 1KiB\n    expect: {body_matches: READY}").outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void anExpressionThatBacktracksForeverIsStoppedAtTheTimeout() {
        // A back-reference in a repeated group defeats Java's loop caching: on 30 a's and no b this backtracks for
        // minutes, holding one of the few probe threads all that time.
        server.respond("/evil", 200, "a".repeat(30));

        long before = System.nanoTime();
        CheckResult result = check("/evil", "timeout: 1s\n    expect: {body_matches: \"((a+)\\\\2?)+b\"}");
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(result.reason()).isEqualTo("matching /((a+)\\2?)+b/ took longer than the timeout");
        assertThat(tookMillis).isLessThan(10_000);
    }

    private CheckResult check(String path, String extraKeys) {
        return YamlProbe.check("""
                  - id: p
                    component: web
                    url: %s
                    %s
                """.formatted(server.url(path), extraKeys));
    }
}
