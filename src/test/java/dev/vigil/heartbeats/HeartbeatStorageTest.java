package dev.vigil.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.SecretTokens;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.probes.LatestPings;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The heartbeats' pings and tokens as stored, on SQLite and on PostgreSQL (issue 11). */
class HeartbeatStorageTest {
    private static final Instant SET_UP = Instant.parse("2026-12-03T02:00:00Z");
    private static final VigilConfig CONFIG = Configs.parse(HeartbeatTokenTest.YAML);
    private static final String REPORT = HeartbeatPingTest.REPORT_TOKEN;

    private final ManualClock clock = new ManualClock(SET_UP);
    private final List<String> checkedAtOnce = new ArrayList<>();

    @OnEachBackend
    void eachPingIsARowAndARunIsTimedFromItsStart(TestDatabase store) {
        Heartbeats heartbeats = following(store.open());

        receive(heartbeats, REPORT, PingKind.START);
        clock.advance(Duration.ofSeconds(95));
        receive(heartbeats, REPORT, PingKind.SUCCESS);
        clock.advance(Duration.ofMinutes(50));
        receive(heartbeats, REPORT, PingKind.SUCCESS);

        List<Ping> pings = heartbeats.recentPings("report", 10);
        assertThat(pings).extracting(Ping::kind).containsExactly(PingKind.SUCCESS, PingKind.SUCCESS, PingKind.START);
        assertThat(pings.get(1).runDuration()).isEqualTo(Duration.ofSeconds(95));
        assertThat(pings.get(0).runDuration()).as("no start before it").isNull();
        assertThat(pings.get(0).userAgent()).hasSize(Heartbeats.MAX_USER_AGENT);
        assertThat(heartbeats.view("report").orElseThrow().lastRunDuration()).isEqualTo(Duration.ofSeconds(95));
        assertThat(checkedAtOnce).containsExactly("report", "report");
    }

    @OnEachBackend
    void theLatestPingsAreKeptApartSoARestartAndThePruningLoseNothing(TestDatabase store) {
        Database database = store.open();
        Heartbeats first = following(database);
        receive(first, REPORT, PingKind.SUCCESS);
        Instant succeeded = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        receive(first, REPORT, PingKind.FAIL);
        Instant failed = clock.instant();
        clock.advance(Duration.ofDays(8));

        assertThat(first.prune()).isEqualTo(2);
        Heartbeats restarted = following(database);

        assertThat(restarted.recentPings("report", 10)).isEmpty();
        assertThat(restarted.latest("report")).isEqualTo(new LatestPings(SET_UP, succeeded, failed));
        assertThat(restarted.latest("report").failedLast()).isTrue();
    }

    @OnEachBackend
    void aGeneratedTokenIsMadeOnceAndAFileTokenIsKeptOnlyAsItsHash(TestDatabase store) {
        Database database = store.open();
        following(database);
        String generated = (String) HeartbeatTokenTest.row(database, "cleanup").get("generated_token");

        Heartbeats restarted = following(database);

        assertThat(HeartbeatTokenTest.row(database, "cleanup").get("generated_token")).isEqualTo(generated);
        assertThat(restarted.view("cleanup").orElseThrow().pingUrl()).isEqualTo("http://status.test/ping/" + generated);
        assertThat(restarted.receive(generated, PingKind.SUCCESS, "10.0.0.7", "cron")).isEqualTo(Heartbeats.Answer.RECORDED);
        assertThat(HeartbeatTokenTest.row(database, "report").get("token_hash")).isEqualTo(SecretTokens.hash(REPORT));
        assertThat(restarted.view("report").orElseThrow().pingUrl()).isNull();
    }

    @OnEachBackend
    void unknownTokensChangeNothingAndAFloodIsCutAtSixtyAMinute(TestDatabase store) {
        Database database = store.open();
        Heartbeats heartbeats = new Heartbeats(database, new SecretTokens(), "http://status.test/", Duration.ofDays(7),
                clock, checkedAtOnce::add);
        Configs.sync(database, CONFIG, SET_UP);

        assertThat(heartbeats.receive(REPORT, PingKind.SUCCESS, null, null)).isEqualTo(Heartbeats.Answer.STARTING);
        heartbeats.follow(CONFIG.probes());
        assertThat(heartbeats.receive("report-not-the-token", PingKind.FAIL, null, null))
                .isEqualTo(Heartbeats.Answer.UNKNOWN_TOKEN);
        List<Heartbeats.Answer> answers = new ArrayList<>();
        for (int ping = 0; ping < PingRateLimit.PER_WINDOW + 1; ping++) {
            answers.add(heartbeats.receive(REPORT, PingKind.START, null, null));
        }
        clock.advance(PingRateLimit.WINDOW);

        assertThat(answers).containsOnly(Heartbeats.Answer.RECORDED, Heartbeats.Answer.TOO_MANY)
                .filteredOn(Heartbeats.Answer.TOO_MANY::equals).hasSize(1);
        assertThat(answers.get(PingRateLimit.PER_WINDOW)).isEqualTo(Heartbeats.Answer.TOO_MANY);
        assertThat(heartbeats.receive(REPORT, PingKind.START, null, null)).isEqualTo(Heartbeats.Answer.RECORDED);
        assertThat(heartbeats.recentPings("report", 100)).hasSize(PingRateLimit.PER_WINDOW + 1);
        assertThat(checkedAtOnce).as("a start changes no verdict").isEmpty();
    }

    private Heartbeats following(Database database) {
        Configs.sync(database, CONFIG, clock.instant());
        Heartbeats heartbeats = new Heartbeats(database, new SecretTokens(), "http://status.test", Duration.ofDays(7),
                clock, checkedAtOnce::add);
        heartbeats.follow(CONFIG.probes());
        return heartbeats;
    }

    private void receive(Heartbeats heartbeats, String token, PingKind kind) {
        assertThat(heartbeats.receive(token, kind, "10.0.0.7", "backup-script/" + "9".repeat(300)))
                .isEqualTo(Heartbeats.Answer.RECORDED);
    }
}
