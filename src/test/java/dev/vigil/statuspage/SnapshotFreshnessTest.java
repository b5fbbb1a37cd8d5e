package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public snapshot is rebuilt when the state behind it changes, not per request. */
class SnapshotFreshnessTest {

    @TempDir
    Path dataDir;

    @Test
    void aRecordedOutageIsVisibleInSummaryJsonWithinASecond() {
        try (TargetServer target = TargetServer.start();
                RunningVigil vigil = RunningVigil.start(dataDir, """
                        components:
                          - id: api
                            name: API
                        probes:
                          - id: api-ping
                            component: api
                            url: %s
                            interval: 1s
                            timeout: 1s
                            failures_to_open: 1
                            successes_to_close: 1
                        """.formatted(target.url()))) {
            RunningVigil.await(Duration.ofSeconds(10), "a first check", () -> count(vigil, "check_results") > 0);
            target.answer(503);
            RunningVigil.await(Duration.ofSeconds(10), "the outage row", () -> count(vigil, "outages") == 1);

            Duration visibleAfter = RunningVigil.await(Duration.ofSeconds(1), "the outage in summary.json",
                    () -> vigil.get("/api/v2/summary.json").body().contains("\"major_outage\""));

            assertThat(visibleAfter).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anUnchangedSnapshotAnswersConditionalRequestsWith304() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, "components: []\n")) {
            var first = vigil.get("/");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(vigil.url("/")))
                    .header("If-None-Match", etag).build();

            var second = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(304);
        }
    }

    private static long count(RunningVigil vigil, String table) {
        return vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
