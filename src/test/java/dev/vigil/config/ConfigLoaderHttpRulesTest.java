package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of an HTTP probe's request and expectations and of a steps probe, one row per rule. */
class ConfigLoaderHttpRulesTest {
    private static final String HEAD = "site: {name: Acme, url: \"http://localhost:7070\"}\n"
            + "components: [{id: web, name: Web}]\n";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            method: FETCH                                       | probes[0].method: "FETCH" is not a method a probe sends; use one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
            follow_redirects: 5                                 | probes[0].follow_redirects: "5" must be true or false
            headers: [Accept]                                   | probes[0].headers: a list must be a mapping of header names to values
            headers: {Host: other.test}                         | probes[0].headers.Host: is set by Vigil's HTTP client and cannot be given
            headers: {"X Token": a}                             | probes[0].headers.X Token: is not a header name: use letters, digits and - (as in X-Request-Id)
            headers: {Accept: a, accept: b}                     | probes[0].headers.accept: is given twice (header names ignore case)
            auth: {basic: {user: a, password: b}, bearer: t}    | probes[0].auth: give basic or bearer, not both
            auth: {}                                            | probes[0].auth: give basic: {user, password} or bearer: TOKEN
            auth: {basic: {user: ada}}                          | probes[0].auth.basic.password: required
            auth: {bearer: t}, headers: {Authorization: x}      | probes[0].headers.Authorization: is set by auth; give auth or an Authorization header, not both
            auth: {token: t}                                    | probes[0].auth.token: unknown key; allowed: basic, bearer
            expect: {status: "300-99"}                          | probes[0].expect.status: "300-99" is not a range of status codes: write the lower code first, both from 100 to 599, as in "300-399"
            expect: {status: [200, "399-300"]}                  | probes[0].expect.status: "399-300" is not a range of status codes: write the lower code first, both from 100 to 599, as in "300-399"
            expect: {status: [200, 700]}                        | probes[0].expect.status: "700" must be a whole number from 100 to 599
            expect: {status: [200, ok]}                         | probes[0].expect.status: "ok" must be a status code such as 200, a range such as "300-399", or a list of them
            expect: {status: []}                                | probes[0].expect.status: lists no status code; give at least one
            expect: {body_matches: "(ok"}                       | probes[0].expect.body_matches: "(ok" is not a regular expression: Unclosed group near index 3
            expect: {headers: {Content-Type: "[json"}}          | probes[0].expect.headers.Content-Type: "[json" is not a regular expression: Unclosed character class near index 4
            expect: {json: [{path: status, equals: ok}]}        | probes[0].expect.json[0].path: "status" is not a JSON path: it must start with $, as in $.status
            expect: {json: [{path: "$.a[x]"}]}                  | probes[0].expect.json[0].path: "$.a[x]" is not a JSON path: it has [x] at position 4; use an index such as [0] or a quoted name such as ['a b']
            expect: {json: [{path: "$.a.", equals: 1}]}         | probes[0].expect.json[0].path: "$.a." is not a JSON path: it has no name after the dot at position 4
            expect: {json: [{path: $.a, equals: ok, matches: o}]} | probes[0].expect.json[0].matches: give equals or matches, not both
            expect: {json: [{path: $.a, equal: ok}]}            | probes[0].expect.json[0].equal: unknown key; did you mean "equals"?
            expect: {json: [{equals: ok}]}                      | probes[0].expect.json[0].path: required
            expect: {bodymatches: ok}                           | probes[0].expect.bodymatches: unknown key; did you mean "body_matches"?
            steps: []                                           | probes[0].steps: is not a setting of an http probe; its settings are url, method, headers, body, auth, follow_redirects, connect_timeout, max_body, expect
            """)
    void anHttpProbeValueOutsideItsRuleIsReported(String extraKeys, String expected) {
        String yaml = HEAD + "probes:\n  - {id: p, component: web, url: \"http://web/\", " + extraKeys + "}\n";

        assertThat(problemsOf(yaml)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {url: "http://shop/items/{{id}}"}                   | probes[0].steps[1].url: {{id}} is not extracted by an earlier step; earlier steps extract token
            {url: "http://shop/{{own}}", extract: {own: $.x}}   | probes[0].steps[1].url: {{own}} is not extracted by an earlier step; earlier steps extract token
            {url: "http://shop/", headers: {X-Token: "{{tokn}}"}} | probes[0].steps[1].headers.X-Token: {{tokn}} is not extracted by an earlier step; earlier steps extract token
            {url: "http://shop/", auth: {bearer: "{{tok}}"}}    | probes[0].steps[1].auth: {{tok}} is not extracted by an earlier step; earlier steps extract token
            {url: "http://shop/", body: "a={{first-id}}"}       | probes[0].steps[1].body: "{{first-id}}" is not a placeholder: a name has letters, digits and _, starting with a letter or _
            {url: "http://shop/", expct: {status: 200}}         | probes[0].steps[1].expct: unknown key; did you mean "expect"?
            {url: "http://shop/", timeout: 5s}                  | probes[0].steps[1].timeout: unknown key; allowed: name, url, method, headers, body, auth, follow_redirects, expect, extract
            {url: "http://shop/", extract: {id: "id=(\\\\d+)"}} | probes[0].steps[1].extract.id: "id=(\\d+)" must be a JSON path such as $.token, header:NAME, or regex:EXPRESSION with one group
            {url: "http://shop/", extract: {id: "regex:id=\\\\d+"}} | probes[0].steps[1].extract.id: "regex:id=\\d+" must have exactly one group in parentheses, the part kept, as in regex:id=(\\d+)
            {url: "http://shop/", extract: {id: "regex:(a"}}    | probes[0].steps[1].extract.id: "regex:(a" is not a regular expression: Unclosed group near index 2
            {url: "http://shop/", extract: {id: "header:"}}     | probes[0].steps[1].extract.id: "header:" does not name a header after header:, as in header:Location
            {url: "http://shop/", extract: {first-id: $.id}}    | probes[0].steps[1].extract.first-id: is not a name for {{...}}: use letters, digits and _, starting with a letter or _
            {url: "http://shop/", extract: [token]}             | probes[0].steps[1].extract: a list must be a mapping of names to $.path, header:NAME or regex:EXPRESSION
            {url: "http://shop/", auth: {bearer: t, basic: {user: a, password: b}}} | probes[0].steps[1].auth: give basic or bearer, not both
            {url: "ftp://shop/"}                                | probes[0].steps[1].url: "ftp://shop/" must be an http or https URL
            {name: search}                                      | probes[0].steps[1].url: required
            """)
    void aStepValueOutsideItsRuleIsReported(String secondStep, String expected) {
        assertThat(problemsOf(steps("{name: sign in, url: \"http://shop/sign-in\", extract: {token: $.token}}",
                secondStep))).containsExactly(expected);
    }

    @Test
    void theFirstStepCanUseNoPlaceholder() {
        assertThat(problemsOf(steps("{url: \"http://shop/{{token}}\"}"))).containsExactly(
                "probes[0].steps[0].url: {{token}} is not extracted by an earlier step; no earlier step extracts a value");
    }

    @Test
    void aStepsProbeNeedsItsSteps() {
        assertThat(problemsOf(HEAD + "probes:\n  - {id: j, component: web, type: steps}\n")).containsExactly(
                "probes[0].steps: required: a list of HTTP requests, each with a url");
    }

    @Test
    void aStepsProbeHasAtMostTenSteps() {
        String eleven = IntStream.range(0, 11).mapToObj(i -> "{url: \"http://shop/" + i + "\"}")
                .collect(Collectors.joining(", "));

        assertThat(problemsOf(HEAD + "probes:\n  - {id: j, component: web, type: steps, steps: [" + eleven + "]}\n"))
                .containsExactly("probes[0].steps: has 11 steps; at most 10 are allowed");
    }

    @Test
    void aStepsProbeHasNoUrlOfItsOwn() {
        String yaml = HEAD + "probes:\n  - {id: j, component: web, type: steps, url: \"http://shop/\", "
                + "steps: [{url: \"http://shop/\"}]}\n";

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[0].url: is not a setting of a steps probe; its settings are steps, connect_timeout, max_body");
    }

    private static String steps(String... steps) {
        return HEAD + "probes:\n  - id: j\n    component: web\n    type: steps\n    steps:\n"
                + IntStream.range(0, steps.length).mapToObj(i -> "      - " + steps[i] + "\n").collect(Collectors.joining());
    }
}
