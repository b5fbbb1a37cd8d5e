package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.errors.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The new keys of HTTP and steps probes as read from vigil.yml, and what staff see of their secrets. */
class ProbeRequestSettingsTest {
    private static final String HEAD = "site: {name: Acme, url: \"http://localhost:7070\"}\n"
            + "components: [{id: web, name: Web}]\nprobes:\n";
    private static final Map<String, String> ENV = Map.of("API_TOKEN", "tok-123", "SHOP_PASSWORD", "hunter2");

    private static final String FULL_HTTP = HEAD + """
              - id: orders
                component: web
                url: https://api.acme.test/orders?page=1
                method: post
                headers: {Content-Type: application/json, X-Api-Key: key-9, Accept: application/json}
                body: '{"sku": "probe", "password": "${SHOP_PASSWORD}"}'
                auth: {bearer: "${API_TOKEN}"}
                follow_redirects: false
                expect:
                  status: [201, "300-399"]
                  body_matches: "created|exists"
                  json: [{path: $.status, equals: ok}, {path: "$.items[0].id", matches: "^\\\\d+$"}]
                  headers: {Content-Type: json}
            """;

    @Test
    void anHttpProbeReadsItsRequestAndExpectations() {
        HttpTarget target = ConfigLoader.parse(FULL_HTTP, ENV).probes().get(0).http();

        assertThat(target.url()).isEqualTo(URI.create("https://api.acme.test/orders?page=1"));
        assertThat(target.request().method()).isEqualTo("POST");
        assertThat(target.request().headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("X-Api-Key", "key-9"), Map.entry("Accept", "application/json"));
        assertThat(target.request().body()).isEqualTo("{\"sku\": \"probe\", \"password\": \"hunter2\"}");
        assertThat(target.request().auth()).isEqualTo(HttpAuth.bearer("tok-123"));
        assertThat(target.request().followRedirects()).isFalse();
        HttpTarget.Expectation expect = target.expect();
        assertThat(expect.status()).isEqualTo(new StatusCodes(List.of(new StatusCodes.Range(201, 201),
                new StatusCodes.Range(300, 399))));
        assertThat(expect.bodyMatches()).isEqualTo(Regex.compile("created|exists"));
        assertThat(expect.json()).extracting(JsonAssertion::toString)
                .containsExactly("$.status equals ok", "$.items[0].id matches /^\\d+$/");
        assertThat(expect.headers()).containsExactly(Map.entry("Content-Type", Regex.compile("json")));
    }

    @Test
    void aPlainProbeReadsAsBefore() {
        ProbeConfig probe = ConfigLoader.parse(HEAD + "  - {id: p, component: web, url: \"http://web/\", "
                + "expect: {status: 204, body_contains: ok}}\n", Map.of()).probes().get(0);

        assertThat(probe.http()).isEqualTo(new HttpTarget(URI.create("http://web/"), Duration.ofSeconds(5),
                HttpTarget.DEFAULT_MAX_BODY_BYTES, new HttpTarget.Expectation(204, "ok", null)));
        assertThat(probe.http().isPlain()).isTrue();
    }

    @Test
    void theSameFileReadTwiceGivesEqualProbesSoAReloadRestartsNothing() {
        assertThat(ConfigLoader.parse(FULL_HTTP, ENV).probes()).isEqualTo(ConfigLoader.parse(FULL_HTTP, ENV).probes());
    }

    @Test
    void staffSeeCredentialsAndSecretLookingHeadersAndBodyFieldsMasked() {
        HttpTarget target = ConfigLoader.parse(FULL_HTTP, ENV).probes().get(0).http();

        Map<String, String> shown = target.shownFields();

        assertThat(shown).containsEntry("auth.bearer", "****").containsEntry("headers.X-Api-Key", "****")
                .containsEntry("headers.Accept", "application/json")
                .containsEntry("body", "{\"sku\": \"probe\", \"password\": \"****\"}")
                .containsEntry("method", "POST").containsEntry("follow_redirects", "false")
                .containsEntry("expect.status", "201, 300-399");
        assertThat(String.join(" ", shown.values())).doesNotContain("tok-123").doesNotContain("key-9")
                .doesNotContain("hunter2");
        assertThat(target.fields()).containsEntry("auth.bearer", "tok-123");
    }

    @Test
    void basicCredentialsShowTheUserAndMaskThePassword() {
        HttpTarget target = ConfigLoader.parse(HEAD + """
                  - id: admin
                    component: web
                    url: http://admin.test/
                    auth: {basic: {user: ada, password: "${SHOP_PASSWORD}"}}
                    headers: {Cookie: "sid=abc", X-Auth-Token: "t"}
                    body: user=ada&password=${SHOP_PASSWORD}&remember=1
                """, ENV).probes().get(0).http();

        assertThat(target.shownFields()).containsEntry("auth.basic.user", "ada")
                .containsEntry("auth.basic.password", "****").containsEntry("headers.Cookie", "****")
                .containsEntry("headers.X-Auth-Token", "****").containsEntry("body", "user=ada&password=****&remember=1");
    }

    @Test
    void aStepsProbeShowsItsStepsWithSecretsMasked() {
        ProbeConfig probe = ConfigLoader.parse(HEAD + """
                  - id: journey
                    component: web
                    type: steps
                    steps:
                      - name: sign in
                        url: https://shop.test/sign-in?key=${API_TOKEN}
                        body: user=ada&password=${SHOP_PASSWORD}
                        extract: {token: $.token}
                      - name: search
                        url: "https://shop.test/search?q=lamp&session={{token}}"
                        headers: {Authorization: "Bearer {{token}}"}
                """, ENV).probes().get(0);
        StepsTarget target = (StepsTarget) probe.target();

        assertThat(target.shown()).isEqualTo("2 steps from https://shop.test/sign-in?key=****: sign in, search");
        assertThat(target.host()).isEqualTo("shop.test:443");
        assertThat(target.shownFields()).containsEntry("steps[0].body", "user=ada&password=****")
                .containsEntry("steps[1].url", "https://shop.test/search?q=lamp&session={{token}}")
                .containsEntry("steps[1].headers.Authorization", "****")
                .containsEntry("steps[0].extract.token", "$.token");
        assertThat(String.join(" ", target.shownFields().values())).doesNotContain("hunter2").doesNotContain("tok-123");
    }

    @Test
    void placeholdersInDoubleBracesPassTheEnvironmentExpansionUntouched() {
        StepsTarget target = (StepsTarget) ConfigLoader.parse(HEAD + """
                  - id: journey
                    component: web
                    type: steps
                    steps:
                      - {url: "http://shop.test/${SHOP_PATH:-start}", extract: {id: "regex:id=(\\\\d+)"}}
                      - {url: "http://shop.test/items/{{id}}?k=${API_TOKEN}", body: "{{ id }}"}
                """, ENV).probes().get(0).target();

        assertThat(target.steps().get(0).url()).isEqualTo("http://shop.test/start");
        assertThat(target.steps().get(1).url()).isEqualTo("http://shop.test/items/{{id}}?k=tok-123");
        assertThat(target.steps().get(1).request().body()).isEqualTo("{{ id }}");
    }

    @Test
    void theConsoleMakesPlainHttpProbesOnly() {
        Map<String, Object> ranges = Map.of("id", "p", "component", "web", "url", "http://web/",
                "expect", Map.of("status", List.of(200, "300-399")));
        Map<String, Object> json = Map.of("id", "p", "component", "web", "url", "http://web/",
                "expect", Map.of("json", List.of(Map.of("path", "$.ok"))));

        assertThatThrownBy(() -> Entries.probe(ranges, List.of("web"))).isInstanceOf(InvalidInput.class)
                .hasMessage("Give one status code here; lists and ranges are set in vigil.yml.");
        assertThatThrownBy(() -> Entries.probe(json, List.of("web"))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsKey("expect.json"));
    }
}
