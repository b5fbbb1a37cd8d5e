package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.StallingTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vigil runs tcp, tls and dns probes from vigil.yml (issue 11), and staff see their last checks. */
class NetworkProbesInVigilTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    StallingTarget database;
    RunningVigil vigil;
    Staff staff;
    ApiClient api;

    @BeforeEach
    void start() {
        database = StallingTarget.neverAnswers();
        int port = URI.create(database.url()).getPort();
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: db
                    name: Database
                probes:
                  - id: db-port
                    component: db
                    type: tcp
                    host: 127.0.0.1
                    port: %d
                    interval: 1s
                    timeout: 1s
                  - id: api-cert
                    component: db
                    type: tls
                    host: 127.0.0.1
                    port: 9
                    interval: 1h
                  - id: db-name
                    component: db
                    type: dns
                    name: db.example.test
                    resolver: 127.0.0.1:9
                    interval: 1h
                """.formatted(port));
        staff = Staff.assemble(vigil);
        api = new ApiClient(vigil.url(""));
    }

    @AfterEach
    void stop() throws Exception {
        vigil.close();
        database.close();
    }

    @Test
    void aTcpProbeIsCheckedOnItsIntervalAndItsChecksAreRecorded() {
        RunningVigil.await(PATIENCE, "two checks of db-port", () -> upChecks("db-port") >= 2);

        String viewer = staff.apiToken("dashboard", "viewer");
        JsonNode probe = ApiClient.json(api.get("/api/v1/probes/db-port", viewer));
        assertThat(probe.get("type").asText()).isEqualTo("tcp");
        assertThat(probe.get("target").asText()).isEqualTo("tcp 127.0.0.1:" + URI.create(database.url()).getPort());
        assertThat(probe.at("/last_check/reason").asText()).isEqualTo("OK");
        assertThat(probe.at("/last_check").has("certificate_days_left")).isFalse();
        assertThat(staff.ada().get("/console/components").body())
                .contains("tcp 127.0.0.1:" + URI.create(database.url()).getPort())
                .contains("up: OK")
                .contains("dns A db.example.test @127.0.0.1:9");
    }

    @Test
    void aTlsProbesLastCheckShowsTheDaysItsCertificateHasLeft() {
        Instant later = Instant.now().plus(Duration.ofDays(1));
        record(new CheckResult("api-cert", later, later, Duration.ofMillis(40), null, Outcome.UP,
                "certificate valid for 41 more days (until 2027-01-13)", null));

        String viewer = staff.apiToken("dashboard", "viewer");
        JsonNode probe = ApiClient.json(api.get("/api/v1/probes/api-cert", viewer));

        assertThat(probe.get("target").asText()).isEqualTo("tls 127.0.0.1:9");
        assertThat(probe.at("/last_check/certificate_days_left").asInt()).isEqualTo(41);
        assertThat(staff.victor().get("/console/components").body())
                .contains("up: certificate valid for 41 more days (until 2027-01-13)");
    }

    @Test
    void aTlsCheckThatSawNoCertificateHasNoDaysLeft() {
        Instant later = Instant.now().plus(Duration.ofDays(1));
        record(new CheckResult("api-cert", later, later, Duration.ofMillis(3), null, Outcome.DOWN,
                "connection refused", null));

        JsonNode probe = ApiClient.json(api.get("/api/v1/probes/api-cert", staff.apiToken("dashboard", "viewer")));

        assertThat(probe.at("/last_check").has("certificate_days_left")).isTrue();
        assertThat(probe.at("/last_check/certificate_days_left").isNull()).isTrue();
    }

    private void record(CheckResult check) {
        vigil.vigil().database().write(handle -> {
            new CheckStore().insert(handle, check);
            return null;
        });
    }

    private long upChecks(String probeId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM check_results WHERE probe_id = :probe AND outcome = 'UP'")
                .bind("probe", probeId).mapTo(Long.class).one());
    }
}
