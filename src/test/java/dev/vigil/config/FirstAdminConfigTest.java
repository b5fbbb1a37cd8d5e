package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.Accounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD: read with the rest of the configuration, checked at start-up. */
class FirstAdminConfigTest {
    private static final String YAML = "site:\n  name: Acme Status\n  url: http://localhost:7070\ncomponents: []\n";
    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void the_first_admin_is_unset_by_default() {
        assertThat(ConfigLoader.parse(YAML, Map.of()).firstAdmin()).isNull();
        assertThat(ConfigLoader.parse(YAML, Map.of("VIGIL_ADMIN_EMAIL", "", "VIGIL_ADMIN_PASSWORD", "")).firstAdmin())
                .isNull();
    }

    @Test
    void the_first_admin_is_taken_from_the_environment_and_never_printed_with_its_password() {
        var config = ConfigLoader.parse(YAML, Map.of("VIGIL_ADMIN_EMAIL", " ada@example.com ",
                "VIGIL_ADMIN_PASSWORD", PASSWORD));

        assertThat(config.firstAdmin()).isEqualTo(new FirstAdmin("ada@example.com", PASSWORD));
        assertThat(config.toString()).contains("ada@example.com").doesNotContain(PASSWORD);
    }

    @Test
    void a_short_password_stops_start_up_without_showing_it() {
        var problems = ConfigLoaderErrorsTest.problemsOf(YAML, Map.of("VIGIL_ADMIN_EMAIL", "ada@example.com",
                "VIGIL_ADMIN_PASSWORD", "hunter2"));

        assertThat(problems).containsExactly("VIGIL_ADMIN_PASSWORD: must be 12 to 200 characters, as on the setup "
                + "form (it has 7 characters)");
    }

    @Test
    void a_malformed_email_stops_start_up_naming_the_variable() {
        var problems = ConfigLoaderErrorsTest.problemsOf(YAML, Map.of("VIGIL_ADMIN_EMAIL", "ada.example.com",
                "VIGIL_ADMIN_PASSWORD", PASSWORD));

        assertThat(problems).containsExactly(
                "VIGIL_ADMIN_EMAIL: \"ada.example.com\" is not an email address such as ada@example.com");
    }

    @Test
    void one_without_the_other_stops_start_up() {
        assertThat(ConfigLoaderErrorsTest.problemsOf(YAML, Map.of("VIGIL_ADMIN_EMAIL", "ada@example.com")))
                .containsExactly("VIGIL_ADMIN_PASSWORD: must be set too when VIGIL_ADMIN_EMAIL is set: the two "
                        + "together create the first administrator");
        assertThat(ConfigLoaderErrorsTest.problemsOf(YAML, Map.of("VIGIL_ADMIN_PASSWORD", PASSWORD)))
                .containsExactly("VIGIL_ADMIN_EMAIL: must be set too when VIGIL_ADMIN_PASSWORD is set: the two "
                        + "together create the first administrator")
                .allSatisfy(problem -> assertThat(problem).doesNotContain(PASSWORD));
    }

    @Test
    void problems_with_the_admin_are_reported_even_when_the_file_is_broken() {
        var problems = ConfigLoaderErrorsTest.problemsOf("site: [", Map.of("VIGIL_ADMIN_EMAIL", "ada@example.com"));

        assertThat(problems).anyMatch(problem -> problem.startsWith("VIGIL_ADMIN_PASSWORD:"));
    }

    @Test
    void the_password_rule_is_the_setup_forms() {
        assertThat(FirstAdmin.MIN_PASSWORD).isEqualTo(Accounts.MIN_PASSWORD);
    }
}
