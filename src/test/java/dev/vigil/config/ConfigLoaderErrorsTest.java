package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per kind of problem, each checking the exact message the user sees. */
class ConfigLoaderErrorsTest {
    private static final String SITE = """
            site:
              name: Acme Status
              url: http://localhost:7070
            """;
    private static final String COMPONENTS = SITE + """
            components:
              - {id: web, name: Web}
              - {id: api, name: API}
              - {id: search, name: Search}
            """;

    static List<String> problemsOf(String yaml, Map<String, String> env) {
        try {
            ConfigLoader.parse(yaml, env);
        } catch (ConfigException e) {
            return e.problems();
        }
        return fail("expected a ConfigException for:\n" + yaml);
    }

    static List<String> problemsOf(String yaml) {
        return problemsOf(yaml, Map.of());
    }

    @Test
    void a_value_that_is_not_a_duration_is_named_with_its_key_path() {
        String yaml = COMPONENTS + """
                probes:
                  - {id: a, component: web, url: "http://a/"}
                  - {id: b, component: web, url: "http://b/"}
                  - {id: c, component: web, url: "http://c/", interval: 3x}
                """;

        assertThat(problemsOf(yaml)).containsExactly("probes[2].interval: \"3x\" is not a duration; use 30s, 5m or 1h");
    }

    @Test
    void a_misspelt_key_is_reported_with_the_nearest_known_key() {
        String yaml = COMPONENTS + """
                probes:
                  - id: web-home
                    componnt: web
                    url: http://a/
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[0].componnt: unknown key; did you mean \"component\"?",
                "probes[0].component: required");
    }

    @Test
    void an_unknown_key_far_from_any_known_key_lists_the_allowed_keys() {
        String yaml = SITE + """
                storage:
                  keep_results_forever: yes
                """;

        assertThat(problemsOf(yaml)).containsExactly("storage.keep_results_forever: unknown key; allowed: retention");
    }

    @Test
    void a_probe_for_an_undeclared_component_lists_the_declared_ones() {
        String yaml = COMPONENTS + """
                probes:
                  - {id: a, component: web, url: "http://a/"}
                  - {id: b, component: serch, url: "http://b/"}
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[1].component: \"serch\" is not a declared component; declared: web, api, search");
    }

    @Test
    void an_id_used_twice_is_reported_where_it_is_repeated() {
        String yaml = SITE + """
                components:
                  - {id: web, name: Web}
                  - {id: web, name: Web again}
                """;

        assertThat(problemsOf(yaml)).containsExactly("components[1].id: \"web\" is used twice");
    }

    @Test
    void an_unknown_time_zone_suggests_the_form_of_a_real_one() {
        String yaml = SITE + "  time_zone: Mars/Olympus\n";

        assertThat(problemsOf(yaml)).containsExactly(
                "site.time_zone: \"Mars/Olympus\" is not a time zone; use a name such as Europe/Paris or UTC");
    }

    @Test
    void a_probe_url_must_be_http_or_https() {
        String yaml = COMPONENTS + """
                probes:
                  - {id: a, component: web, url: "ftp://x"}
                """;

        assertThat(problemsOf(yaml)).containsExactly("probes[0].url: \"ftp://x\" must be an http or https URL");
    }

    @Test
    void a_probe_url_needs_a_host() {
        String yaml = COMPONENTS + """
                probes:
                  - {id: a, component: web, url: "http:///health"}
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[0].url: \"http:///health\" must be an http or https URL with a host");
    }

    @Test
    void a_value_of_the_wrong_type_says_what_type_and_range_is_allowed() {
        String yaml = COMPONENTS + """
                probes:
                  - {id: a, component: web, url: "http://a/", failures_to_open: three}
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[0].failures_to_open: \"three\" must be a whole number from 1 to 100");
    }

    @Test
    void a_missing_required_key_is_reported_as_required() {
        String yaml = """
                site:
                  url: http://localhost:7070
                """;

        assertThat(problemsOf(yaml)).containsExactly("site.name: required");
    }

    @Test
    void a_yaml_syntax_error_gives_line_and_column_without_a_stack_trace() {
        String yaml = """
                site:
                  name: Acme
                 url: http://localhost
                """;

        assertThat(problemsOf(yaml)).containsExactly("line 3, column 2: invalid YAML: expected <block end>, "
                + "but found '<block mapping start>' (while parsing a block mapping at line 1, column 1)");
    }

    @Test
    void an_empty_file_says_what_it_needs() {
        assertThat(problemsOf("# nothing here yet\n")).containsExactly(
                "the configuration is empty; it needs at least site.name and site.url");
    }

    @Test
    void a_top_level_that_is_not_a_mapping_lists_the_top_level_keys() {
        assertThat(problemsOf("- site\n- probes\n")).containsExactly(
                "top level: a list must be a mapping with the keys site, storage, demo, components, probes, smtp, "
                        + "notifications, reminders, postmortems, metrics, canary");
    }

    @Test
    void a_port_that_is_not_a_number_is_reported_under_its_variable_name() {
        assertThat(problemsOf(SITE, Map.of("VIGIL_PORT", "http"))).containsExactly(
                "VIGIL_PORT: \"http\" must be a whole number from 0 to 65535 (0 picks any free port)");
    }

    @Test
    void an_unset_variable_without_default_is_named_with_its_line() {
        String yaml = """
                site:
                  name: Acme
                  url: http://${HOST}:${WEB_PORT:-80}
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "line 3: environment variable HOST is not set; set it or give a default with ${HOST:-value}");
    }

    @Test
    void every_problem_in_the_file_is_reported_at_once() {
        String yaml = """
                site:
                  name: Acme
                  url: localhost
                sotrage:
                  retention: 14d
                components:
                  - {id: Web, name: Web}
                probes:
                  - {id: a, component: web, url: "http://a/", interval: soon, successes_to_close: 0}
                """;

        assertThat(problemsOf(yaml, Map.of("VIGIL_PORT", "99999"))).containsExactly(
                "VIGIL_PORT: \"99999\" must be a whole number from 0 to 65535 (0 picks any free port)",
                "sotrage: unknown key; did you mean \"storage\"?",
                "site.url: \"localhost\" must be an http or https URL",
                "components[0].id: \"Web\" must be 1 to 63 lowercase letters, digits, - or _, "
                        + "starting with a letter or digit",
                "probes[0].component: \"web\" is not a declared component; declared: Web",
                "probes[0].interval: \"soon\" is not a duration; use 30s, 5m or 1h",
                "probes[0].successes_to_close: \"0\" must be a whole number from 1 to 100");
    }
}
