package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.notifications.Delivery.Attempt;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook subscriber against a real local receiver, with Vigil's clock in the test's hand so
 * that the 30 s and 60 s backoffs pass at once. The aggregator subscribes on the public page.
 */
class WebhookDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([^<]+)</code>");
    static final String YAML = """
            components:
              - {id: web, name: Web application}
              - {id: search, name: Search}
            notifications:
              allow_private_webhooks: true
            """;

    @TempDir
    Path dataDir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    final WebhookReceiver receiver = WebhookReceiver.start();
    RunningVigil vigil;
    Database database;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, YAML, Map.of(), clock);
        database = vigil.vigil().database();
    }

    @AfterEach
    void stop() {
        try (WebhookReceiver r = receiver) {
            vigil.close();
        }
    }

    @Test
    void aWebhookThatFailsTwiceIsDeliveredOnTheThirdAttemptSignedAndRecordedAsDeliveredOnce() throws Exception {
        String secret = subscribe(receiver.url());
        receiver.answer(500, 500);
        long incident = History.openIncident(database, "Web application is unavailable", "web", clock.instant());
        long update = History.update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.",
                clock.instant());

        awaitPosts(1);
        Delivery afterFirst = delivery(update);
        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        awaitPosts(2);
        assertThat(delivery(update).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        awaitPosts(3);
        RunningVigil.await(PATIENCE, "the delivery to be recorded", () -> delivery(update).status() == DeliveryStatus.DELIVERED);
        clock.advance(Duration.ofHours(2));
        Thread.sleep(Notifications.POLL.multipliedBy(2).toMillis());

        List<WebhookReceiver.Post> posts = receiver.posts();
        String key = delivery(update).idempotencyKey();
        assertThat(posts).hasSize(3).allSatisfy(post -> {
            assertThat(post.header("Idempotency-Key")).isEqualTo(key);
            assertThat(post.header("X-Vigil-Signature")).isEqualTo(hmac(secret, post.body()));
            assertThat(post.header("Content-Type")).startsWith("application/json");
            assertThat(post.body()).isEqualTo(posts.get(0).body());
        });
        JsonNode body = new ObjectMapper().readTree(posts.get(0).body());
        assertThat(body.at("/meta/idempotency_key").asText()).isEqualTo(key);
        assertThat(body.at("/incident/name").asText()).isEqualTo("Web application is unavailable");
        assertThat(body.at("/incident/incident_updates/0/body").asText()).isEqualTo("The app does not load.");
        assertThat(body.at("/page/id").asText()).isNotBlank();
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries")).isEqualTo(1);
        Delivery delivered = delivery(update);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastError()).isNull();
        assertThat(attempts(delivered)).extracting(Attempt::attempt, Attempt::outcome, Attempt::detail).containsExactly(
                tuple(1, "failed", "HTTP 500; a 2xx answer is needed"),
                tuple(2, "failed", "HTTP 500; a 2xx answer is needed"),
                tuple(3, "delivered", "HTTP 200"));
    }

    @Test
    void aComponentChangeIsPostedWithTheComponentAndItsChange() throws Exception {
        subscribe(receiver.url());
        database.write(h -> new dev.vigil.components.ComponentStore().changeStatus(h, "search",
                dev.vigil.components.ComponentStatus.PARTIAL_OUTAGE, clock.instant(), "search-health is down"));

        awaitPosts(1);

        WebhookReceiver.Post post = receiver.posts().get(0);
        assertThat(post.header("X-Vigil-Event")).isEqualTo("component_update");
        JsonNode body = new ObjectMapper().readTree(post.body());
        assertThat(body.at("/component/id").asText()).isEqualTo("search");
        assertThat(body.at("/component_update/old_status").asText()).isEqualTo("operational");
        assertThat(body.at("/component_update/new_status").asText()).isEqualTo("partial_outage");
        assertThat(body.at("/page/status_indicator").asText()).isEqualTo("major");
    }

    @Test
    void theSecretIsShownOnceAndTheUnsubscribeLinkStopsThePosts() throws Exception {
        WebClient aggregator = new WebClient(vigil.url(""));
        var created = aggregator.submit("/subscribe", "/subscribe/webhook", Map.of("url", receiver.url(),
                "component", "search"));
        assertThat(created.body()).contains("shown only once").containsPattern(SECRET);
        Matcher unsubscribe = Pattern.compile("href=\"http://status\\.test(/unsubscribe/[^\"]+)\"").matcher(created.body());
        assertThat(unsubscribe.find()).isTrue();

        assertThat(aggregator.post(unsubscribe.group(1), Map.of()).body()).contains("You are unsubscribed");
        long incident = History.openIncident(database, "Search is slow", "search", clock.instant());
        long update = History.update(database, incident, IncidentStatus.INVESTIGATING, "Slow.", clock.instant());

        RunningVigil.await(PATIENCE, "the update to be taken", () -> History.taken(database, update));
        assertThat(receiver.posts()).isEmpty();
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries")).isZero();
    }

    @Test
    void theSameUrlCannotBeSubscribedTwice() {
        subscribe(receiver.url());

        var again = new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook", Map.of("url", receiver.url()));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("subscribed already");
    }

    /** Subscribes through the public form; returns the secret shown once. */
    private String subscribe(String url) {
        var response = new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook", Map.of("url", url));
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(response.body());
        assertThat(secret.find()).as("the page shows the secret").isTrue();
        return secret.group(1);
    }

    private void awaitPosts(int count) {
        RunningVigil.await(PATIENCE, count + " posts", () -> receiver.posts().size() >= count);
        // The post arrives before its outcome is recorded; wait for the record too.
        RunningVigil.await(PATIENCE, "attempt " + count + " to be recorded", () -> History.count(database,
                "SELECT COUNT(*) FROM delivery_attempts") >= count);
    }

    private Delivery delivery(long update) {
        return database.read(h -> new DeliveryStore().latest(h, 10)).stream()
                .filter(d -> d.idempotencyKey().startsWith("update:" + update + ":")).findFirst().orElseThrow();
    }

    private List<Attempt> attempts(Delivery delivery) {
        return database.read(h -> new DeliveryStore().attempts(h, delivery.id()));
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
