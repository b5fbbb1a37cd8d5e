package dev.vigil.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics on a real Vigil whose one probe checks a real local target every second. */
class MetricsEndpointTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private final TargetServer target = TargetServer.start();
    private RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        target.close();
    }

    static String oneProbe(String probeId, String url) {
        return """
                components:
                  - {id: api, name: API}
                probes:
                  - id: %s
                    component: api
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 2
                """.formatted(probeId, url);
    }

    static Scrape scrape(RunningVigil vigil) {
        HttpResponse<String> response = vigil.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return Scrape.of(response.body());
    }

    static Scrape awaitScrape(RunningVigil vigil, String what, java.util.function.Predicate<Scrape> condition) {
        Scrape[] last = new Scrape[1];
        RunningVigil.await(PATIENCE, what, () -> condition.test(last[0] = scrape(vigil)));
        return last[0];
    }

    @Test
    void theProbeIsUpWhileItsTargetAnswersAndDownWithAnOpenOutageOnceItFails() {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));

        Scrape up = awaitScrape(vigil, "the probe up after two checks", s ->
                s.value("vigil_probe_up", "probe", "api-health", "component", "api").equals(Optional.of(1.0))
                        && s.value("vigil_checks_total", "outcome", "up").orElse(0.0) >= 2);
        double checksWhileUp = durationCount(up);
        assertThat(checksWhileUp).isGreaterThanOrEqualTo(2);
        assertThat(up.value("vigil_probe_degraded", "probe", "api-health")).contains(0.0);
        assertThat(up.value("vigil_outages_open", "component", "api")).contains(0.0);
        assertThat(up.value("vigil_checks_total", "outcome", "down")).contains(0.0);
        assertThat(up.value("vigil_check_duration_seconds_bucket", "probe", "api-health", "le", "+Inf"))
                .contains(checksWhileUp);

        target.down();
        Scrape down = awaitScrape(vigil, "the outage open", s ->
                s.value("vigil_outages_open", "component", "api").equals(Optional.of(1.0)));

        assertThat(down.value("vigil_probe_up", "probe", "api-health", "component", "api")).contains(0.0);
        assertThat(down.value("vigil_checks_total", "outcome", "down").orElseThrow()).isGreaterThanOrEqualTo(2);
        assertThat(durationCount(down)).isGreaterThan(checksWhileUp);
    }

    @Test
    void theEngineAndTheJvmAreMeasuredToo() {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));

        Scrape scrape = awaitScrape(vigil, "a check started", s ->
                s.value("vigil_check_start_lag_seconds_count").orElse(0.0) >= 1);

        assertThat(scrape.value("vigil_check_start_lag_seconds_bucket", "le", "30.0")).isPresent();
        assertThat(scrape.value("vigil_checks_skipped_total", "reason", "previous_check_running")).contains(0.0);
        assertThat(scrape.value("vigil_checks_skipped_total", "reason", "timer_late")).contains(0.0);
        assertThat(scrape.matching("jvm_memory_used_bytes", "area", "heap")).singleElement()
                .satisfies(heap -> assertThat(heap.value()).isPositive());
        assertThat(scrape.hasFamily("jvm_threads_current")).isTrue();
        assertThat(scrape.hasFamily("process_cpu_seconds_total")).isTrue();
        // No agent has reported yet: the family has no samples.
        assertThat(scrape.hasFamily("vigil_agent_last_seen_timestamp_seconds")).isFalse();
    }

    @Test
    void theAnswerIsThePrometheusTextFormatAndNeverCached() {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));
        awaitScrape(vigil, "a check", s -> s.value("vigil_probe_up", "probe", "api-health").isPresent());

        HttpResponse<String> response = vigil.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).contains("# TYPE vigil_check_duration_seconds histogram",
                "# TYPE vigil_checks_total counter", "# TYPE vigil_probe_up gauge");
    }

    @Test
    void aScraperThatAcceptsGzipGetsTheSameFiguresGzipped() throws Exception {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(vigil.url("/metrics")))
                .header("Accept-Encoding", "gzip").GET().build();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        String text;
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            text = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Scrape.of(text).hasFamily("jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void gzipIsSentOnlyWhenAskedForAndNotRefused() {
        assertThat(PrometheusHandler.acceptsGzip("gzip")).isTrue();
        assertThat(PrometheusHandler.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(PrometheusHandler.acceptsGzip("identity, gzip;q=0")).isFalse();
        assertThat(PrometheusHandler.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(PrometheusHandler.acceptsGzip("br")).isFalse();
        assertThat(PrometheusHandler.acceptsGzip(null)).isFalse();
    }

    @Test
    void anAgentThatReportsHasItsLastSeenTimeUntilItIsGone() {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));
        Instant seen = Instant.parse("2025-03-01T12:00:00.250Z");

        vigil.vigil().telemetry().agentSeen("eu-west", seen);
        Scrape reported = scrape(vigil);
        vigil.vigil().telemetry().agentGone("eu-west");
        Scrape gone = scrape(vigil);

        assertThat(reported.value("vigil_agent_last_seen_timestamp_seconds", "location", "eu-west"))
                .contains(seen.toEpochMilli() / 1000.0);
        assertThat(gone.hasFamily("vigil_agent_last_seen_timestamp_seconds")).isFalse();
    }

    @Test
    void aProbeRemovedWhileVigilRunsLeavesNoSeriesBehind() {
        vigil = RunningVigil.start(dataDir, oneProbe("api-health", target.url()));
        String admin = Staff.assemble(vigil).apiToken("provisioning", "admin");
        ApiClient api = new ApiClient(vigil.url(""));
        HttpResponse<String> created = api.post("/api/v1/probes", admin, """
                {"id": "api-extra", "component": "api", "url": "%s", "interval": "1s", "timeout": "1s"}"""
                .formatted(target.url()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitScrape(vigil, "the new probe measured", s -> s.value("vigil_probe_up", "probe", "api-extra").isPresent()
                && s.value("vigil_check_duration_seconds_count", "probe", "api-extra").isPresent());

        assertThat(api.send("DELETE", "/api/v1/probes/api-extra", admin, null, null).statusCode()).isEqualTo(204);
        Scrape after = scrape(vigil);

        assertThat(after.matching("vigil_probe_up", "probe", "api-extra")).isEmpty();
        assertThat(after.matching("vigil_check_duration_seconds_count", "probe", "api-extra")).isEmpty();
        assertThat(after.value("vigil_probe_up", "probe", "api-health")).isPresent();
    }

    private static double durationCount(Scrape scrape) {
        return scrape.value("vigil_check_duration_seconds_count", "probe", "api-health").orElse(0.0);
    }
}
