package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's API tokens page, and the token an automated install brings with VIGIL_BOOTSTRAP_TOKEN. */
class ApiTokensTest {
    private static final String BOOTSTRAP = "vgl_bootstrap-0123456789-abcdefghijklmnop";

    @TempDir
    Path dataDir;
    RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void aNewTokenIsShownOnceThenListedWithoutItsSecret() {
        Staff staff = start(Map.of());

        var created = staff.ada().submit("/console/tokens", "/console/tokens", Map.of("name", "deploy pipeline", "role", "editor"));

        assertThat(created.statusCode()).isEqualTo(200);
        var secret = Pattern.compile("vgl_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(created.body()).contains("Copy it now");
        var list = staff.ada().get("/console/tokens").body();
        assertThat(list).contains("deploy pipeline").contains("Ada Lovelace").contains("Never")
                .doesNotContain(secret.group()).doesNotContain("vgl_");
        assertThat(staff.ada().get("/console/audit").body()).contains("token.created");
    }

    @Test
    void aTokenNeedsANameAndARole() {
        Staff staff = start(Map.of());

        var refused = staff.ada().submit("/console/tokens", "/console/tokens", Map.of("name", " ", "role", "root"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Name the token").contains("Choose viewer, editor or admin")
                .doesNotContain("vgl_");
    }

    @Test
    void aRevokedTokenNoLongerOpensTheApi() {
        Staff staff = start(Map.of());
        String token = staff.apiToken("nightly report", "viewer");
        ApiClient api = new ApiClient(vigil.url(""));
        assertThat(api.get("/api/v1/components", token).statusCode()).isEqualTo(200);

        var revoked = staff.ada().submit("/console/tokens", "/console/tokens/" + tokenId("nightly report") + "/revoke",
                Map.of());

        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(api.get("/api/v1/components", token).statusCode()).isEqualTo(401);
        assertThat(staff.ada().get("/console/tokens").body()).contains("Revoked");
        assertThat(staff.ada().get("/console/audit").body()).contains("token.revoked");
    }

    @Test
    void onlyAdminsManageTokens() {
        Staff staff = start(Map.of());

        assertThat(staff.grace().get("/console/tokens").statusCode()).isEqualTo(403);
        assertThat(staff.grace().submit("/console", "/console/tokens", Map.of("name", "mine", "role", "admin")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theBootstrapTokenIsAnAdminTokenWithExactlyThatValue() {
        Staff staff = start(Map.of("VIGIL_BOOTSTRAP_TOKEN", BOOTSTRAP));

        var response = new ApiClient(vigil.url("")).get("/api/v1/components", BOOTSTRAP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(staff.ada().get("/console/tokens").body()).contains("VIGIL_BOOTSTRAP_TOKEN").contains("admin");
    }

    @Test
    void aRevokedBootstrapTokenDoesNotComeBackOnRestart() {
        Staff staff = start(Map.of("VIGIL_BOOTSTRAP_TOKEN", BOOTSTRAP));
        staff.ada().submit("/console/tokens", "/console/tokens/" + tokenId("Bootstrap (VIGIL_BOOTSTRAP_TOKEN)") + "/revoke",
                Map.of());
        vigil.close();

        vigil = RunningVigil.start(dataDir, "components: []\n", Map.of("VIGIL_BOOTSTRAP_TOKEN", BOOTSTRAP));

        assertThat(new ApiClient(vigil.url("")).get("/api/v1/components", BOOTSTRAP).statusCode()).isEqualTo(401);
    }

    private Staff start(Map<String, String> env) {
        vigil = RunningVigil.start(dataDir, "components: []\n", env);
        return Staff.assemble(vigil);
    }

    private long tokenId(String name) {
        return vigil.vigil().database().read(handle -> handle.createQuery("SELECT id FROM api_tokens WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one());
    }
}
