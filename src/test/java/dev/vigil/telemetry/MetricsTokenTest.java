package dev.vigil.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.config.ConfigException;
import dev.vigil.testing.RunningVigil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.token set: /metrics answers only a request bearing it. */
class MetricsTokenTest {
    private static final String TOKEN = "s3cret-scrape-token_0123456789";

    @TempDir
    Path dataDir;
    private RunningVigil vigil;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private void startWithToken() {
        vigil = RunningVigil.start(dataDir, """
                components: []
                metrics:
                  token: ${VIGIL_METRICS_TOKEN}
                """, Map.of("VIGIL_METRICS_TOKEN", TOKEN));
    }

    /** GET /metrics with this Authorization header, or none when null. */
    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vigil.url("/metrics"))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenTheAnswerIs401WithAChallengeAndNoFigures() throws Exception {
        startWithToken();

        HttpResponse<String> response = scrape(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"vigil-metrics\"");
        assertThat(response.body()).doesNotContain("vigil_", "jvm_");
    }

    @Test
    void aWrongTokenOrAnotherSchemeIs401WithNoFigures() throws Exception {
        startWithToken();

        HttpResponse<String> wrong = scrape("Bearer " + TOKEN + "x");
        HttpResponse<String> prefix = scrape("Bearer " + TOKEN.substring(0, 20));
        HttpResponse<String> basic = scrape("Basic " + TOKEN);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"vigil-metrics\", error=\"invalid_token\"");
        assertThat(wrong.body()).doesNotContain("vigil_", "jvm_");
        assertThat(prefix.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).doesNotContain("vigil_", "jvm_");
    }

    @Test
    void theRightTokenGetsTheFigures() throws Exception {
        startWithToken();

        HttpResponse<String> response = scrape("Bearer " + TOKEN);
        HttpResponse<String> lowerCase = scrape("bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Scrape.of(response.body()).hasFamily("jvm_memory_used_bytes")).isTrue();
        assertThat(lowerCase.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheSettingAnyoneMayScrape() throws Exception {
        vigil = RunningVigil.start(dataDir, "components: []\nmetrics:\n  token: ${VIGIL_METRICS_TOKEN:-}\n");

        HttpResponse<String> response = scrape(null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aTokenTooShortStopsVigilFromStartingAndIsNotRepeated() {
        assertThatThrownBy(() -> RunningVigil.start(dataDir, "components: []\nmetrics:\n  token: ${T}\n",
                Map.of("T", "tooshort")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.token: must be 16 to 512 characters")
                .hasMessageNotContaining("tooshort");
    }

    @Test
    void onlyABearerHeaderWithATokenCarriesOne() {
        assertThat(PrometheusHandler.bearer("Bearer " + TOKEN)).contains(TOKEN);
        assertThat(PrometheusHandler.bearer("BEARER  " + TOKEN + " ")).contains(TOKEN);
        assertThat(PrometheusHandler.bearer("Basic " + TOKEN)).isEmpty();
        assertThat(PrometheusHandler.bearer("Bearer ")).isEmpty();
        assertThat(PrometheusHandler.bearer("Bearer" + TOKEN)).isEmpty();
        assertThat(PrometheusHandler.bearer(null)).isEmpty();
    }
}
