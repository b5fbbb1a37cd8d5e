package dev.vigil.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ada looks after the probe agents on the console's Agents page (issue 11); nobody else may. */
class AgentConsoleTest {
    private static final Pattern SECRET = Pattern.compile("vgla_[A-Za-z0-9_-]{43}");

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://127.0.0.1:9/health
                interval: 1h
                locations: [server, eu-west]
            """);

    @Test
    void aNewAgentTokenIsShownOnceThenListedWithItsLocationAndNoSecret() {
        HttpResponse<String> created = vigil.staff().ada().submit("/console/agents", "/console/agents",
                Map.of("name", "Frankfurt VM", "location", "eu-west"));

        assertThat(created.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(created.body()).contains("Copy its token now").contains("--location eu-west");
        String list = vigil.staff().ada().get("/console/agents").body();
        assertThat(list).contains("Frankfurt VM").contains("eu-west").contains("Ada Lovelace").contains("Never")
                .contains("eu-west: 1 probe").doesNotContain(secret.group()).doesNotContain("vgla_");
        assertThat(vigil.staff().ada().get("/console/audit").body()).contains("agent_token.created");
        assertThat(new ApiClient(vigil.url("")).get("/api/v1/agent/probes", secret.group()).statusCode()).isEqualTo(200);
    }

    @Test
    void aLocationWithoutAnAgentIsPointedOut() {
        assertThat(vigil.staff().ada().get("/console/agents").body()).contains("eu-west: 1 probe")
                .contains("no live agent token");
    }

    @Test
    void anAgentTokenNeedsANameAndALocationOfItsOwn() {
        HttpResponse<String> refused = vigil.staff().ada().submit("/console/agents", "/console/agents",
                Map.of("name", " ", "location", "server"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Name the agent").contains("\"server\" is Vigil itself")
                .doesNotContain("vgla_");
    }

    @Test
    void aRevokedAgentTokenIsRefusedAtOnce() {
        String secret = create("Frankfurt VM", "eu-west");
        String id = vigil.vigil().database().read(h -> h.createQuery("SELECT id FROM agent_tokens")
                .mapTo(String.class).one());

        HttpResponse<String> revoked = vigil.staff().ada().submit("/console/agents", "/console/agents/" + id + "/revoke",
                Map.of());

        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(new ApiClient(vigil.url("")).get("/api/v1/agent/probes", secret).statusCode()).isEqualTo(401);
        assertThat(vigil.staff().ada().get("/console/agents").body()).contains("Revoked");
        assertThat(vigil.staff().ada().get("/console/audit").body()).contains("agent_token.revoked");
    }

    @Test
    void onlyAdminsManageAgentsAndAFormWithoutItsTokenIsRefused() {
        assertThat(vigil.staff().grace().get("/console/agents").statusCode()).isEqualTo(403);
        assertThat(vigil.staff().grace().submit("/console", "/console/agents",
                Map.of("name", "mine", "location", "eu-west")).statusCode()).isEqualTo(403);
        assertThat(vigil.staff().ada().post("/console/agents", Map.of("name", "forged", "location", "eu-west"))
                .statusCode()).as("no CSRF token").isEqualTo(403);
        long tokens = vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM agent_tokens")
                .mapTo(Long.class).one());
        assertThat(tokens).isZero();
    }

    private String create(String name, String location) {
        Matcher secret = SECRET.matcher(vigil.staff().ada().submit("/console/agents", "/console/agents",
                Map.of("name", name, "location", location)).body());
        assertThat(secret.find()).isTrue();
        return secret.group();
    }
}
