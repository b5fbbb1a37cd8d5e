package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** VIGIL_BOOTSTRAP_TOKEN: read from the environment, checked at start-up, never repeated in messages. */
class BootstrapTokenConfigTest {
    private static final String YAML = "site:\n  name: Acme Status\n  url: http://localhost:7070\ncomponents: []\n";
    private static final String TOKEN = "vgl_bootstrap-0123456789-abcdefghijklmnop";

    @Test
    void the_token_is_unset_by_default() {
        assertThat(ConfigLoader.parse(YAML, Map.of()).bootstrapToken()).isNull();
    }

    @Test
    void the_token_is_taken_from_the_environment() {
        var config = ConfigLoader.parse(YAML, Map.of("VIGIL_BOOTSTRAP_TOKEN", TOKEN));

        assertThat(config.bootstrapToken()).isEqualTo(TOKEN);
        assertThat(config.toString()).doesNotContain(TOKEN).contains("bootstrapToken=set");
    }

    @Test
    void a_short_token_stops_start_up_without_showing_the_value() {
        var problems = ConfigLoaderErrorsTest.problemsOf(YAML, Map.of("VIGIL_BOOTSTRAP_TOKEN", "hunter2"));

        assertThat(problems).containsExactly("VIGIL_BOOTSTRAP_TOKEN: must be at least 32 printable ASCII characters "
                + "without spaces (it has 7 characters)");
    }
}
