package dev.vigil.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.Placement;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckRollupStore;
import dev.vigil.probes.CheckRollups;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Agent tokens and agents' results in the store (issue 11), on SQLite and on PostgreSQL. */
class AgentStorageTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @OnEachBackend
    void aTokenIsStoredHashedWorksUntilRevokedAndSaysWhereAndWhenItWasSeen(TestDatabase store) {
        Database database = store.open();
        ManualClock clock = new ManualClock(NOW);
        List<String> told = new ArrayList<>();
        AgentTokens tokens = new AgentTokens(database, new AuditLog(), new SecretTokens(), clock,
                new AgentTokens.Sightings() {
                    @Override
                    public void seen(String location, Instant at) {
                        told.add("seen " + location + " " + at);
                    }

                    @Override
                    public void gone(String location) {
                        told.add("gone " + location);
                    }
                });

        AgentTokens.Created created = tokens.create("user:1", null, "Frankfurt VM", "eu-west");
        clock.set(NOW.plusSeconds(30));
        AgentToken seen = tokens.authenticate(created.secret()).orElseThrow();

        assertThat(created.secret()).startsWith(AgentTokens.PREFIX);
        assertThat(seen.location()).isEqualTo("eu-west");
        String stored = database.read(h -> h.createQuery("SELECT token_hash FROM agent_tokens").mapTo(String.class).one());
        assertThat(stored).isEqualTo(SecretTokens.hash(created.secret())).isNotEqualTo(created.secret());
        assertThat(tokens.all().get(0).lastSeenAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(tokens.lastSeen()).containsEntry("eu-west", NOW.plusSeconds(30));

        tokens.revoke("user:1", created.token().id());

        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.authenticate(AgentTokens.PREFIX + "forged")).isEmpty();
        assertThat(tokens.all().get(0).revoked()).isTrue();
        assertThat(told).containsExactly("seen eu-west " + NOW.plusSeconds(30), "gone eu-west");
        List<String> audit = database.read(h -> h.createQuery("SELECT action FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
        assertThat(audit).containsExactly("agent_token.created", "agent_token.revoked");
    }

    @OnEachBackend
    void aTokenNeedsANameAndAnAgentsLocation(TestDatabase store) {
        AgentTokens tokens = new AgentTokens(store.open(), new AuditLog(), new SecretTokens(), new ManualClock(NOW),
                AgentTokens.Sightings.NONE);

        for (String location : List.of("server", "EU West", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.create("user:1", null, "VM", location))
                    .isInstanceOf(dev.vigil.errors.InvalidInput.class).hasMessageContaining("location");
        }
        assertThat(tokens.all()).isEmpty();
    }

    @OnEachBackend
    void twoLocationsResultsAreRecordedOnceAndTogetherOpenAnOutage(TestDatabase store) {
        Database database = store.open();
        VigilConfig config = Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                    interval: 10s
                    failures_to_open: 2
                    locations: [east, west]
                    quorum: 2
                """);
        Configs.sync(database, config, NOW.minusSeconds(60));
        ManualClock clock = new ManualClock(NOW);
        OutageService service = service(database, clock);
        service.usePlacement("web-home", Placement.of(config.probes().get(0)));

        List<CheckResult> east = List.of(down(NOW.minusSeconds(20)), down(NOW.minusSeconds(10)));
        OutageService.Recorded first = service.recordFromLocation("east", east);
        OutageService.Recorded again = service.recordFromLocation("east", east);
        service.recordFromLocation("west", List.of(down(NOW.minusSeconds(15)), down(NOW.minusSeconds(5))));

        assertThat(first).isEqualTo(new OutageService.Recorded(2, 0));
        assertThat(again).isEqualTo(new OutageService.Recorded(0, 2));
        long stored = database.read(h -> h.createQuery("SELECT COUNT(*) FROM check_results").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(4);
        List<Outage> outages = database.read(h -> new OutageStore().since(h, Instant.EPOCH));
        assertThat(outages).hasSize(1);
        assertThat(outages.get(0).startedAt()).isEqualTo(NOW.minusSeconds(20));
        assertThat(outages.get(0).confirmedAt()).isEqualTo(NOW.minusSeconds(5));
    }

    @OnEachBackend
    void theServersAndAnAgentsResultsKeepTheirLocationAndIntervalAndRollUpTogether(TestDatabase store) {
        Database database = store.open();
        VigilConfig config = Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                    interval: 10s
                    failures_to_open: 2
                    locations: [server, east]
                    quorum: 2
                """);
        Configs.sync(database, config, NOW.minusSeconds(60));
        OutageService service = service(database, new ManualClock(NOW));
        service.usePlacement("web-home", Placement.of(config.probes().get(0)));

        service.recordAll(List.of(up(NOW.minusSeconds(20)).every(Duration.ofSeconds(10)),
                up(NOW.minusSeconds(10)).every(Duration.ofSeconds(10))));
        service.recordFromLocation("east", List.of(down(NOW.minusSeconds(15)).every(Duration.ofSeconds(10))));
        new CheckRollups(database, new CheckStore(), new CheckRollupStore(), ZoneId.of("UTC")).run();

        List<String> rows = database.read(h -> h.createQuery("""
                        SELECT location || ' ' || outcome || ' ' || interval_ms FROM check_results
                         ORDER BY started_at""").mapTo(String.class).list());
        assertThat(rows).containsExactly("server UP 10000", "east DOWN 10000", "server UP 10000");
        List<String> hour = database.read(h -> h.createQuery("""
                        SELECT up_count || ' up, ' || down_count || ' down' FROM check_rollups
                         WHERE probe_id = 'web-home' AND period = 'hour'""").mapTo(String.class).list());
        assertThat(hour).as("the locations' checks are summed in the probe's roll-up").containsExactly("2 up, 1 down");
    }

    private static CheckResult up(Instant at) {
        return new CheckResult("web-home", at, at, Duration.ofMillis(30), null, Outcome.UP, "OK", 200);
    }

    private static CheckResult down(Instant at) {
        return new CheckResult("web-home", at, at, Duration.ofMillis(30), null, Outcome.DOWN, "status 503", 503);
    }

    private static OutageService service(Database database, ManualClock clock) {
        OutageStore outages = new OutageStore();
        return new OutageService(database, new CheckStore(), new ProbeStateStore(), outages, new ComponentStore(),
                new AutoIncidents(new IncidentStore(), outages, new TimeFormat(ZoneId.of("UTC"))),
                new MaintenanceCalendar(), Map.of("web-home", new Thresholds(2, 2)), clock, () -> { });
    }
}
