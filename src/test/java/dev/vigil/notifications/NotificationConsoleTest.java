package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff alerts, subscribers and the delivery log in the console. Ada is the admin. */
class NotificationConsoleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([^<]+)</code>");

    @TempDir
    Path dataDir;
    final WebhookReceiver chat = WebhookReceiver.start();
    final WebhookReceiver pager = WebhookReceiver.start();
    RunningVigil vigil;
    Database database;
    WebClient ada;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, WebhookDeliveryTest.YAML);
        database = vigil.vigil().database();
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", "correct-horse-battery"));
    }

    @AfterEach
    void stop() {
        try (WebhookReceiver c = chat; WebhookReceiver p = pager) {
            vigil.close();
        }
    }

    @Test
    void anAdminFindsNotificationsInTheConsoleNavigation() {
        assertThat(ada.get("/console").body()).contains("href=\"/console/notifications\"");
        assertThat(ada.get("/console/notifications").body()).contains("No staff alerts yet").contains("No subscribers yet");
    }

    @Test
    void aSlackHookGetsEveryIncidentUpdateAsText() throws Exception {
        var added = ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "slack", "name", "#ops", "url", chat.url(), "event", "incident_update"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(ada.get("/console/notifications").body()).contains("#ops")
                .contains("http://127.0.0.1:" + chat.url().split(":")[2].split("/")[0] + "/…")
                .doesNotContain(chat.url());

        long incident = History.openIncident(database, "Search is slow", "search", Instant.now());
        History.update(database, incident, IncidentStatus.INVESTIGATING, "Queries take <10 s> & more.", Instant.now());

        RunningVigil.await(PATIENCE, "the chat post", () -> chat.posts().size() == 1);
        WebhookReceiver.Post post = chat.posts().get(0);
        assertThat(post.header("X-Vigil-Signature")).isNull();
        assertThat(post.header("Idempotency-Key")).startsWith("update:");
        var text = new ObjectMapper().readTree(post.body());
        assertThat(text.size()).isEqualTo(1);
        assertThat(text.get("text").asText()).startsWith("*Search is slow* · Investigating")
                .contains("Queries take &lt;10 s&gt; &amp; more.")
                .contains("<http://status.test/incidents/" + incident + "|View the incident on Test Status>");
    }

    @Test
    void aGenericWebhookShowsItsSecretOnceAndSignsWithIt() throws Exception {
        var added = ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "webhook", "name", "Pager", "url", pager.url(), "event", "component_update"));
        Matcher secret = SECRET.matcher(added.body());
        assertThat(secret.find()).isTrue();
        assertThat(ada.get("/console/notifications").body()).doesNotContain(secret.group(1));

        database.write(h -> new dev.vigil.components.ComponentStore().changeStatus(h, "web",
                dev.vigil.components.ComponentStatus.MAJOR_OUTAGE, Instant.now(), "web-home is down"));

        RunningVigil.await(PATIENCE, "the pager post", () -> pager.posts().size() == 1);
        WebhookReceiver.Post post = pager.posts().get(0);
        assertThat(post.header("X-Vigil-Signature")).isEqualTo(WebhookDeliveryTest.hmac(secret.group(1), post.body()));
        assertThat(post.body()).contains("\"component_update\"").contains("\"unsubscribe\":null");
    }

    @Test
    void aHookWithoutNameOrUsableUrlComesBackWithTheFieldsMarked() {
        var response = ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "slack", "name", " ", "url", "hooks.slack.com"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Enter a name of 1 to 100 characters")
                .contains("Enter an http or https URL with a host").contains("value=\"hooks.slack.com\"");
    }

    @Test
    void aRemovedHookHearsNothingMoreAndTheRemovalIsAudited() {
        ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "slack", "name", "#ops", "url", chat.url(), "event", "incident_update"));
        long hook = History.count(database, "SELECT id FROM staff_hooks");

        var removed = ada.submit("/console/notifications", "/console/notifications/hooks/" + hook + "/remove", Map.of());
        long incident = History.openIncident(database, "Search is slow", "search", Instant.now());
        long update = History.update(database, incident, IncidentStatus.INVESTIGATING, "Slow.", Instant.now());

        assertThat(removed.statusCode()).isEqualTo(303);
        RunningVigil.await(PATIENCE, "the update to be taken", () -> History.taken(database, update));
        assertThat(chat.posts()).isEmpty();
        assertThat(ada.get("/console/audit").body()).contains("notification_hook.created")
                .contains("notification_hook.removed");
        assertThat(ada.submit("/console/notifications", "/console/notifications/hooks/" + hook + "/remove", Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void subscribersAreListedShortenedAndCanBeRemoved() {
        var subscribed = new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook",
                Map.of("url", pager.url(), "component", "search"));
        assertThat(subscribed.statusCode()).isEqualTo(200);
        long subscriber = History.count(database, "SELECT id FROM subscribers");

        String page = ada.get("/console/notifications").body();
        assertThat(page).contains("webhook").contains("search").contains("confirmed").doesNotContain(pager.url());
        var removed = ada.submit("/console/notifications", "/console/notifications/subscribers/" + subscriber + "/remove",
                Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(ada.get("/console/notifications").body()).contains("No subscribers yet");
        assertThat(ada.get("/console/audit").body()).contains("subscriber.removed");
    }

    @Test
    void theDeliveryLogShowsStatusAttemptsLastErrorAndTimesWithTheirZone() {
        chat.answer(503);
        ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "slack", "name", "#ops", "url", chat.url(), "event", "incident_update"));
        long incident = History.openIncident(database, "Search is slow", "search", Instant.now());
        History.update(database, incident, IncidentStatus.INVESTIGATING, "Slow.", Instant.now());
        RunningVigil.await(PATIENCE, "the failed attempt to be recorded", () -> History.count(database,
                "SELECT COUNT(*) FROM delivery_attempts") == 1);

        String log = ada.get("/console/notifications/deliveries").body();

        assertThat(log).contains("incident update").contains("slack: http://127.0.0.1:").contains("pending")
                .contains("HTTP 503; a 2xx answer is needed").containsPattern("\\d{1,2}:\\d{2}:\\d{2} [AP]M P[SD]T")
                .contains("All times in America/Los_Angeles");
    }

    @Test
    void signingOutStillWorksFromTheNotificationPages() {
        assertThat(ada.submit("/console/notifications", "/console/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ada.get("/console/notifications").statusCode()).isEqualTo(303);
    }
}
