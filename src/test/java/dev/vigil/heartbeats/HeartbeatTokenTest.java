package dev.vigil.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.config.HeartbeatTarget;
import dev.vigil.db.Database;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.Staff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The clean-up job's heartbeat has no token in vigil.yml, so Vigil makes one (issue 11). Ada (admin) is shown its
 * ping URL, Victor (viewer) only a masked one; the backup's token, set in vigil.yml, is shown to no one and stored
 * only as a hash.
 */
class HeartbeatTokenTest {
    static final String YAML = HeartbeatPingTest.YAML + """
              - id: cleanup
                component: jobs
                type: heartbeat
                period: 1h
                grace: 5m
            """;
    private static final String MASKED = "http://status.test/ping/" + HeartbeatTarget.MASK;

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(YAML);

    @Test
    void aGeneratedTokenIsStoredOnceAndAnsweredAtItsPingUrl() {
        Map<String, Object> cleanup = row(vigil.vigil().database(), "cleanup");
        String token = (String) cleanup.get("generated_token");

        assertThat(token).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(cleanup.get("token_hash")).isEqualTo(SecretTokens.hash(token));
        assertThat(vigil.get("/ping/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenFromTheFileIsStoredOnlyAsItsHash() {
        Map<String, Object> backup = row(vigil.vigil().database(), "backup");

        assertThat(backup.get("generated_token")).isNull();
        assertThat(backup.get("token_hash")).isEqualTo(SecretTokens.hash(HeartbeatPingTest.BACKUP_TOKEN));
    }

    @Test
    void adaSeesTheGeneratedPingUrlWithCurlExamplesAndVictorOnlyAMaskedOne() {
        String token = (String) row(vigil.vigil().database(), "cleanup").get("generated_token");
        vigil.post("/ping/" + token + "/start");

        String adas = vigil.staff().ada().get("/console/components").body();
        String victors = vigil.staff().victor().get("/console/components").body();

        assertThat(adas).contains("curl -fsS -m 10 --retry 5 -o /dev/null http://status.test/ping/" + token + "/start")
                .contains("Show the ping URL of cleanup").contains(MASKED).contains("(start)")
                .doesNotContain(HeartbeatPingTest.BACKUP_TOKEN);
        assertThat(victors).contains(MASKED).contains("heartbeat every 1h, grace 5m").doesNotContain(token)
                .doesNotContain(HeartbeatPingTest.BACKUP_TOKEN);
    }

    @Test
    void theProbeApiGivesThePingUrlToAdminTokensOnly() {
        String token = (String) row(vigil.vigil().database(), "cleanup").get("generated_token");
        vigil.get("/ping/" + token);
        ApiClient api = new ApiClient(vigil.url(""));

        JsonNode forAdmin = ApiClient.json(api.get("/api/v1/probes/cleanup", vigil.staff().apiToken("ops", "admin")));
        String viewer = vigil.staff().apiToken("dashboard", "viewer");
        JsonNode forViewer = ApiClient.json(api.get("/api/v1/probes/cleanup", viewer));
        JsonNode backup = ApiClient.json(api.get("/api/v1/probes/backup", viewer));

        assertThat(forAdmin.at("/heartbeat/ping_url").asText()).isEqualTo("http://status.test/ping/" + token);
        assertThat(forAdmin.at("/heartbeat/token_source").asText()).isEqualTo("generated");
        assertThat(forAdmin.at("/heartbeat/period_seconds").asLong()).isEqualTo(3600);
        assertThat(forAdmin.at("/heartbeat/last_ping_kind").asText()).isEqualTo("success");
        assertThat(forAdmin.at("/heartbeat/last_ping_at").asText()).isNotBlank();
        assertThat(forAdmin.get("target").asText()).isEqualTo("heartbeat every 1h, grace 5m");
        assertThat(forViewer.at("/heartbeat/ping_url").asText()).isEqualTo(MASKED);
        assertThat(backup.at("/heartbeat/token_source").asText()).isEqualTo("config");
        assertThat(backup.toString()).doesNotContain(HeartbeatPingTest.BACKUP_TOKEN);
    }

    static Map<String, Object> row(Database database, String probeId) {
        return database.read(handle -> handle.createQuery("SELECT * FROM heartbeats WHERE probe_id = :probe")
                .bind("probe", probeId).mapToMap().one());
    }
}
