package dev.vigil.notifications;

import static dev.vigil.testing.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ada's admin token lists and removes public subscribers; lesser tokens may not see them. */
class SubscriberApiTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String admin;
    String editor;
    long linus;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components:\n  - id: web\n    name: Web application\n");
        Staff staff = Staff.assemble(vigil);
        admin = staff.apiToken("cleanup script", "admin");
        editor = staff.apiToken("deploy script", "editor");
        api = new ApiClient(vigil.url(""));
        linus = subscribe(Channel.EMAIL, "linus@example.com", List.of("web"));
        subscribe(Channel.WEBHOOK, "https://hooks.example.com/secret-path/abc", List.of());
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void anAdminSeesSubscribersMaskedAsInTheConsole() {
        var response = api.get("/api/v1/subscribers", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode subscribers = ApiClient.json(response).get("subscribers");
        assertThat(subscribers.size()).isEqualTo(2);
        JsonNode email = subscribers.get(1);
        assertThat(email.get("id").asText()).isEqualTo(Long.toString(linus));
        assertThat(email.get("channel").asText()).isEqualTo("email");
        assertThat(email.get("target").asText()).isEqualTo("l***@example.com");
        assertThat(email.get("component_ids").toString()).isEqualTo("[\"web\"]");
        assertThat(email.get("confirmed").asBoolean()).isTrue();
        assertThat(subscribers.get(0).get("target").asText()).isEqualTo("https://hooks.example.com/…");
        assertThat(response.body()).doesNotContain("linus@").doesNotContain("secret-path");
    }

    @Test
    void anAdminRemovesASubscriberOnce() {
        var removed = api.send("DELETE", "/api/v1/subscribers/" + linus, admin, null, null);
        var again = api.send("DELETE", "/api/v1/subscribers/" + linus, admin, null, null);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(api.get("/api/v1/subscribers", admin)).get("subscribers").size()).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(404);
        assertError(again, "not_found");
        assertThat(api.send("DELETE", "/api/v1/subscribers/nobody", admin, null, null).statusCode()).isEqualTo(404);
        long audited = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'subscriber.removed'").mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void onlyAdminTokensMayListOrRemove() {
        var list = api.get("/api/v1/subscribers", editor);
        var remove = api.send("DELETE", "/api/v1/subscribers/" + linus, editor, null, null);

        assertThat(list.statusCode()).isEqualTo(403);
        assertError(list, "forbidden");
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/subscribers", null).statusCode()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/subscribers/" + linus, null, null, null).statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(api.get("/api/v1/subscribers", admin)).get("subscribers").size()).isEqualTo(2);
    }

    private long subscribe(Channel channel, String target, List<String> components) {
        return vigil.vigil().database().write(handle -> new SubscriberStore().create(handle, new SubscriberStore.New(
                channel, target, components, null, "unsubscribe-" + target.hashCode(), null, Instant.now(), true)));
    }
}
