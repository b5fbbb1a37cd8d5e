package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.notifications.Delivery.Attempt;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost or doubled across a restart: the outbox and the cursor are in the store, so a
 * new Vigil on the same data folder finishes what the stopped one left.
 */
class DeliveryRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    final WebhookReceiver receiver = WebhookReceiver.onFreePort();
    RunningVigil vigil;

    @AfterEach
    void stop() {
        try (WebhookReceiver r = receiver) {
            if (vigil != null) {
                vigil.close();
            }
        }
    }

    @Test
    void aPostQueuedAndFailedBeforeAStopIsDeliveredExactlyOnceByTheNextVigil() {
        start();
        subscribeTheReceiver();
        long update = postUpdate();
        RunningVigil.await(PATIENCE, "the refused first attempt", () -> attempts().size() == 1);
        vigil.close();

        receiver.up();
        clock.advance(Duration.ofSeconds(30));
        start();

        awaitDelivered();
        settle();
        assertThat(receiver.posts()).hasSize(1);
        assertThat(receiver.posts().get(0).header("Idempotency-Key")).startsWith("update:" + update + ":sub:");
        assertThat(attempts()).extracting(Attempt::outcome).containsExactly("failed", "delivered");
        assertThat(attempts().get(0).detail()).isEqualTo("connection refused");
    }

    @Test
    void anUpdateWrittenWhileVigilIsStoppedIsAnnouncedOnceAfterTheStart() {
        start();
        subscribeTheReceiver();
        vigil.close();
        receiver.up();

        withStore(database -> {
            long incident = History.openIncident(database, "Search is slow", "search", clock.instant());
            History.update(database, incident, IncidentStatus.INVESTIGATING, "Written while Vigil was stopped.",
                    clock.instant());
        });
        start();

        awaitDelivered();
        settle();
        assertThat(receiver.posts()).hasSize(1);
        assertThat(receiver.posts().get(0).body()).contains("Written while Vigil was stopped.");
    }

    @Test
    void aDeliveryCutOffMidAttemptIsSentAgainOnceItsClaimLapses() {
        start();
        subscribeTheReceiver();
        postUpdate();
        RunningVigil.await(PATIENCE, "the refused first attempt", () -> attempts().size() == 1);
        vigil.close();
        clock.advance(Duration.ofSeconds(30));
        // As if the next attempt had been claimed and Vigil killed before it finished.
        withStore(database -> database.write(h -> h.createUpdate("""
                UPDATE deliveries SET status = 'sending', attempts = attempts + 1, last_attempt_at = :now,
                       next_attempt_at = :leaseEnd""")
                .bind("now", clock.instant().toEpochMilli())
                .bind("leaseEnd", clock.instant().plus(DeliverySender.CLAIM_LEASE).toEpochMilli()).execute()));
        receiver.up();

        start();
        settle();
        assertThat(receiver.posts()).as("nothing while the claim holds").isEmpty();
        clock.advance(DeliverySender.CLAIM_LEASE);

        awaitDelivered();
        assertThat(receiver.posts()).hasSize(1);
        assertThat(attempts()).extracting(Attempt::outcome).containsExactly("failed", "interrupted", "delivered");
    }

    private void start() {
        vigil = RunningVigil.start(dataDir, WebhookDeliveryTest.YAML, Map.of(), clock);
    }

    private void subscribeTheReceiver() {
        var response = new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook",
                Map.of("url", receiver.url()));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private long postUpdate() {
        Database database = vigil.vigil().database();
        long incident = History.openIncident(database, "Web application is unavailable", "web", clock.instant());
        return History.update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.",
                clock.instant());
    }

    private void awaitDelivered() {
        RunningVigil.await(PATIENCE, "the delivery", () -> History.count(vigil.vigil().database(),
                "SELECT COUNT(*) FROM deliveries WHERE status = 'delivered'") == 1);
    }

    /** Gives the jobs a couple of rounds, in which nothing more should happen. */
    private static void settle() {
        try {
            Thread.sleep(Notifications.POLL.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Attempt> attempts() {
        return vigil.vigil().database().read(h -> {
            DeliveryStore deliveries = new DeliveryStore();
            return deliveries.latest(h, 1).stream().findFirst()
                    .map(d -> deliveries.attempts(h, d.id())).orElse(List.of());
        });
    }

    /** The store of the stopped Vigil, opened as another process would. */
    private void withStore(Consumer<Database> work) {
        try (Database database = Database.open("jdbc:sqlite:" + dataDir.resolve("vigil.db"))) {
            work.accept(database);
        }
    }
}
