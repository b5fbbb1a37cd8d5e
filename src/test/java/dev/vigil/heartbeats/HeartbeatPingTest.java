package dev.vigil.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The nightly backup and the hourly report ping a real Vigil (issue 11). The clock is the real one plus an offset the
 * test moves, so that a job can be late without the test waiting for it.
 */
class HeartbeatPingTest {
    static final String BACKUP_TOKEN = "backup-k3Jx9vQ2mT8wLp";
    static final String REPORT_TOKEN = "report-Zq81nR4cXe0sWd";
    static final String YAML = """
            components:
              - id: jobs
                name: Nightly jobs
            probes:
              - id: backup
                component: jobs
                type: heartbeat
                period: 1m
                grace: 1s
                token: %s
              - id: report
                component: jobs
                type: heartbeat
                period: 1h
                token: %s
            """.formatted(BACKUP_TOKEN, REPORT_TOKEN);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final MovableClock clock = new MovableClock();
    @RegisterExtension
    final FreshVigil<Void> vigil = FreshVigil.configured(YAML).onClock(clock);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPingByGetOrByPostIsStoredAndAnsweredWithAShortOk() {
        HttpResponse<String> get = send("GET", "/ping/" + REPORT_TOKEN, null);
        HttpResponse<String> post = send("POST", "/ping/" + REPORT_TOKEN, "backup finished: 3.2 GB\n".repeat(50));

        for (HttpResponse<String> answer : List.of(get, post)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("OK\n");
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        }
        List<Ping> stored = pingsOf("report");
        assertThat(stored).extracting(Ping::kind).containsExactly(PingKind.SUCCESS, PingKind.SUCCESS);
        assertThat(stored.get(0).userAgent()).isEqualTo("nightly-backup/1.0");
        assertThat(stored.get(0).source()).isEqualTo("127.0.0.1");
    }

    @Test
    void aLargeBodyIsNotReadAndTheJobIsStillAnswered() {
        HttpResponse<String> answer = send("POST", "/ping/" + REPORT_TOKEN + "/fail", "x".repeat(4 * 1024 * 1024));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(pingsOf("report")).extracting(Ping::kind).containsExactly(PingKind.FAIL);
    }

    @Test
    void anUnknownTokenGetsAPlain404AndLeavesNoTrace() {
        String almost = REPORT_TOKEN.substring(0, REPORT_TOKEN.length() - 1) + "x";

        List<HttpResponse<String>> answers = List.of(send("GET", "/ping/" + almost, null),
                send("POST", "/ping/" + almost + "/fail", null), send("GET", "/ping/nothing-like-a-token/start", null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo("Not found\n");
        });
        long rows = database().read(h -> h.createQuery("SELECT COUNT(*) FROM heartbeat_pings").mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void aStartThenASuccessKeepsHowLongTheRunTook() {
        assertThat(send("POST", "/ping/" + REPORT_TOKEN + "/start", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(42));
        assertThat(send("GET", "/ping/" + REPORT_TOKEN, null).statusCode()).isEqualTo(200);

        List<Ping> stored = pingsOf("report");
        assertThat(stored).extracting(Ping::kind).containsExactly(PingKind.START, PingKind.SUCCESS);
        assertThat(stored.get(0).runDuration()).isNull();
        assertThat(stored.get(1).runDuration()).isBetween(Duration.ofSeconds(42), Duration.ofSeconds(52));
    }

    @Test
    void aLateJobOpensAnOutageDatedFromItsLastPingPlusPeriodAndGrace() {
        assertThat(send("GET", "/ping/" + BACKUP_TOKEN, null).statusCode()).isEqualTo(200);
        Instant pinged = pingsOf("backup").get(0).receivedAt();

        clock.advance(Duration.ofSeconds(62));

        RunningVigil.await(PATIENCE, "the backup's outage", () -> latestOutage("backup") != null);
        Map<String, Object> outage = latestOutage("backup");
        assertThat(outage.get("started_at")).isEqualTo(pinged.plusSeconds(61).toEpochMilli());
        assertThat((String) outage.get("first_failure_reason")).startsWith("no ping since ")
                .endsWith(", expected every 1m + 1s grace");
    }

    @Test
    void aFailPingOpensTheOutageAtOnceAndTheNextSuccessClosesIt() {
        // The hourly report is looked at every 30 s: an outage within 2 s came from the ping, not from a look.
        assertThat(send("POST", "/ping/" + REPORT_TOKEN + "/fail", null).statusCode()).isEqualTo(200);
        Instant failed = pingsOf("report").get(0).receivedAt();

        Duration opened = RunningVigil.await(PATIENCE, "the report's outage", () -> latestOutage("report") != null);
        send("GET", "/ping/" + REPORT_TOKEN, null);
        Instant recovered = pingsOf("report").get(1).receivedAt();
        Duration closed = RunningVigil.await(PATIENCE, "the report's recovery",
                () -> latestOutage("report").get("ended_at") != null);

        Map<String, Object> outage = latestOutage("report");
        assertThat(opened).isLessThan(Duration.ofSeconds(2));
        assertThat(closed).isLessThan(Duration.ofSeconds(2));
        assertThat((long) outage.get("started_at")).isBetween(failed.toEpochMilli(), failed.toEpochMilli() + 1_000);
        assertThat((String) outage.get("first_failure_reason")).startsWith("the job reported a failure at ");
        assertThat((long) outage.get("ended_at")).isBetween(recovered.toEpochMilli(), recovered.toEpochMilli() + 1_000);
        assertThat(outageCount("report")).isEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(vigil.url(path)))
                .header("User-Agent", "nightly-backup/1.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Database database() {
        return vigil.vigil().database();
    }

    private List<Ping> pingsOf(String probeId) {
        return oldestFirst(database(), probeId);
    }

    private Map<String, Object> latestOutage(String probeId) {
        return latestOutage(database(), probeId);
    }

    private long outageCount(String probeId) {
        return outageCount(database(), probeId);
    }

    static List<Ping> oldestFirst(Database database, String probeId) {
        List<Ping> newestFirst = new ArrayList<>(database.read(handle -> new PingStore().latest(handle, probeId, 100)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    static Map<String, Object> latestOutage(Database database, String probeId) {
        return database.read(handle -> handle.createQuery("""
                SELECT started_at, ended_at, first_failure_reason FROM outages WHERE probe_id = :probe
                 ORDER BY id DESC LIMIT 1""").bind("probe", probeId).mapToMap().findOne().orElse(null));
    }

    static long outageCount(Database database, String probeId) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM outages WHERE probe_id = :probe")
                .bind("probe", probeId).mapTo(Long.class).one());
    }
}
