package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allowed ranges and formats of single values, one row per rule, beyond the kinds in ConfigLoaderErrorsTest. */
class ConfigLoaderRulesTest {
    private static final String SITE = "site: {name: Acme, url: \"http://localhost:7070\"}\n";
    private static final String HEAD = SITE + "components: [{id: web, name: Web}]\n";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            interval: 500ms                      | probes[0].interval: "500ms" must be between 1s and 24h
            interval: 2d                         | probes[0].interval: "2d" must be between 1s and 24h
            timeout: 50ms                        | probes[0].timeout: "50ms" must be at least 100ms
            interval: 30s, timeout: 31s          | probes[0].timeout: "31s" must not be longer than the interval (30s)
            timeout: 90s                         | probes[0].timeout: "90s" must not be longer than the interval (1m)
            connect_timeout: 0ms                 | probes[0].connect_timeout: "0ms" must be longer than 0
            timeout: 2s, connect_timeout: 3s     | probes[0].connect_timeout: "3s" must not be longer than the timeout (2s)
            max_body: 512                        | probes[0].max_body: "512" must be between 1KiB and 64MiB
            max_body: 65MiB                      | probes[0].max_body: "65MiB" must be between 1KiB and 64MiB
            max_body: 1MB                        | probes[0].max_body: "1MB" is not a size; use 512KiB, 1MiB or a number of bytes
            type: icmp                           | probes[0].type: "icmp" is not a probe type; use one of http, steps, heartbeat, tcp, tls, dns
            retry_interval: 2m                   | probes[0].retry_interval: "2m" must be between 1s and the interval (1m)
            locations: [server, eu], quorum: 3   | probes[0].quorum: "3" must not be more than the number of locations (2)
            locations: [server, Server]          | probes[0].locations: "Server": each location must be named once, in lower case letters, digits and dashes (at most 40)
            expect: {status: 700}                | probes[0].expect.status: "700" must be a whole number from 100 to 599
            expect: {max_latency: 10s}           | probes[0].expect.max_latency: "10s" must be shorter than the timeout (10s)
            expect: {max_latency: 0s}            | probes[0].expect.max_latency: "0s" must be longer than 0
            expect: {statuss: 200}               | probes[0].expect.statuss: unknown key; did you mean "status"?
            expect: 200                          | probes[0].expect: "200" must be a mapping with the keys status, body_contains, body_matches, json, headers, max_latency
            successes_to_close: 101              | probes[0].successes_to_close: "101" must be a whole number from 1 to 100
            """)
    void a_probe_value_outside_its_rule_is_reported(String extraKeys, String expected) {
        String yaml = HEAD + "probes:\n  - {id: p, component: web, url: \"http://web/\", " + extraKeys + "}\n";

        assertThat(problemsOf(yaml)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            storage: {retention: 12h}            | storage.retention: "12h" must be at least 1d
            demo: {enabled: yes}                 | demo.enabled: "yes" must be true or false
            demo: true                           | demo: "true" must be a mapping with the keys enabled
            components: {id: api, name: API}     | components: a mapping must be a list; start each entry with "- "
            components: [api]                    | components[0]: "api" must be a mapping with the keys id, name, group, description, essential
            components: [{id: api, name: API, essential: yes}] | components[0].essential: "yes" must be true or false
            components: [{id: api, name: API, essentail: true}] | components[0].essentail: unknown key; did you mean "essential"?
            components: [{id: api, name: [A]}]   | components[0].name: a list must be text
            components: [{id: api}]              | components[0].name: required
            components: [{id: -api, name: API}]  | components[0].id: "-api" must be 1 to 63 lowercase letters, digits, - or _, starting with a letter or digit
            """)
    void a_value_outside_its_rule_elsewhere_is_reported(String block, String expected) {
        assertThat(problemsOf(SITE + block + "\n")).containsExactly(expected);
    }

    @Test
    void a_component_name_may_have_100_characters_but_not_101() {
        String hundred = HEAD.replace("name: Web", "name: " + "n".repeat(100));
        String hundredAndOne = HEAD.replace("name: Web", "name: " + "n".repeat(101));

        assertThat(ConfigLoader.parse(hundred, Map.of()).components()).hasSize(1);
        assertThat(problemsOf(hundredAndOne)).containsExactly(
                "components[0].name: is 101 characters long; at most 100 are allowed");
    }

    @Test
    void a_component_description_longer_than_500_characters_is_reported() {
        String yaml = HEAD.replace("name: Web", "name: Web, description: " + "d".repeat(501));

        assertThat(problemsOf(yaml)).containsExactly(
                "components[0].description: is 501 characters long; at most 500 are allowed");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            VIGIL_PORT   | 65536                     | VIGIL_PORT: "65536" must be a whole number from 0 to 65535 (0 picks any free port)
            VIGIL_DB_URL | postgres://db/vigil       | VIGIL_DB_URL: "postgres://db/vigil" must be a JDBC URL starting with jdbc:
            """)
    void an_environment_value_outside_its_rule_is_reported(String variable, String value, String expected) {
        assertThat(problemsOf(HEAD, Map.of(variable, value))).containsExactly(expected);
    }
}
