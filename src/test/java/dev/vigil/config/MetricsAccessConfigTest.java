package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics.token: the bearer token /metrics asks for, checked at start-up and never shown. */
class MetricsAccessConfigTest {
    private static final String SITE = """
            site:
              name: Acme Status
              url: http://localhost:7070
            """;
    private static final String TOKEN = "Zm9vYmFyYmF6cXV1eA-_.~+/==";

    @Test
    void withoutAMetricsBlockAnyoneMayScrape() {
        VigilConfig config = ConfigLoader.parse(SITE, Map.of());

        assertThat(config.metricsAccess()).isEqualTo(MetricsAccess.ANONYMOUS);
        assertThat(config.metricsAccess().bearerToken()).isEmpty();
    }

    @Test
    void aTokenFromTheEnvironmentIsTakenAndNeverPrinted() {
        VigilConfig config = ConfigLoader.parse(SITE + "metrics:\n  token: ${VIGIL_METRICS_TOKEN}\n",
                Map.of("VIGIL_METRICS_TOKEN", TOKEN));

        assertThat(config.metricsAccess().bearerToken()).contains(TOKEN);
        assertThat(config.toString()).doesNotContain(TOKEN).contains("metricsAccess=MetricsAccess[bearer token]");
    }

    @Test
    void anEmptyDefaultLeavesTheEndpointAnonymous() {
        VigilConfig config = ConfigLoader.parse(SITE + "metrics:\n  token: ${VIGIL_METRICS_TOKEN:-}\n", Map.of());

        assertThat(config.metricsAccess().bearerToken()).isEmpty();
    }

    @Test
    void aShortTokenIsRefusedWithoutRepeatingIt() {
        assertThat(problemsOf(SITE + "metrics:\n  token: short-secret\n")).containsExactly(
                "metrics.token: must be 16 to 512 characters: letters, digits and - . _ ~ + / (with = only at"
                        + " the end), as in a bearer token; it has 12 characters");
    }

    @Test
    void aTokenWithASpaceOrAQuoteIsRefused() {
        assertThat(problemsOf(SITE + "metrics:\n  token: \"sixteen chars and more\"\n")).singleElement()
                .asString().startsWith("metrics.token: must be 16 to 512 characters").doesNotContain("sixteen");
        assertThat(problemsOf(SITE + "metrics:\n  token: 'abcdefghijklmnop\"q'\n")).hasSize(1);
        assertThat(problemsOf(SITE + "metrics:\n  token: abcdefghij=klmnopq\n")).hasSize(1);
    }

    @Test
    void aMissingVariableStopsTheStartNamingIt() {
        assertThat(problemsOf(SITE + "metrics:\n  token: ${VIGIL_METRICS_TOKEN}\n")).containsExactly(
                "line 5: environment variable VIGIL_METRICS_TOKEN is not set; set it or give a default with"
                        + " ${VIGIL_METRICS_TOKEN:-value}");
    }

    @Test
    void aMisspeltKeyIsReportedWithTheKnownOne() {
        assertThat(problemsOf(SITE + "metrics:\n  tokn: " + TOKEN + "\n"))
                .containsExactly("metrics.tokn: unknown key; did you mean \"token\"?");
    }
}
