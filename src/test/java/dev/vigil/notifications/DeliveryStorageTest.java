package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.db.Database;
import dev.vigil.notifications.Delivery.Attempt;
import dev.vigil.notifications.Delivery.Claimed;
import dev.vigil.notifications.Delivery.Outcome;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The outbox: queue once per key, claim for one attempt at a time, retry with backoff, recover lapsed claims. */
class DeliveryStorageTest {
    private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 3);

    private final DeliveryStore deliveries = new DeliveryStore();

    @OnEachBackend
    void aQueuedDeliveryIsClaimedForOneAttemptAndNotAgainWhileTheClaimHolds(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        queue(database, "update:1:hook:" + hook, hook);

        List<Claimed> first = claim(database, START);
        List<Claimed> second = claim(database, START.plus(LEASE).minusMillis(1));

        assertThat(first).singleElement().satisfies(claimed -> {
            assertThat(claimed.idempotencyKey()).isEqualTo("update:1:hook:" + hook);
            assertThat(claimed.attempt()).isEqualTo(1);
            assertThat(claimed.payload()).isEqualTo("{\"text\":\"Search is down\"}");
        });
        assertThat(second).isEmpty();
        assertThat(delivery(database, "update:1:hook:" + hook).status()).isEqualTo(DeliveryStatus.SENDING);
    }

    @OnEachBackend
    void theSameIdempotencyKeyIsQueuedOnlyOnce(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);

        boolean first = database.write(h -> deliveries.enqueue(h, slack("update:7:hook:" + hook, hook, "first"), START));
        boolean again = database.write(h -> deliveries.enqueue(h, slack("update:7:hook:" + hook, hook, "second"), START));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        List<Claimed> claimed = claim(database, START);
        assertThat(claimed).extracting(Claimed::payload).containsExactly("first");
    }

    @OnEachBackend
    void aFailedAttemptWaitsForItsBackoffAndAfterTheLastAttemptTheDeliveryFails(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        String key = "update:2:hook:" + hook;
        queue(database, key, hook);

        fail(database, claim(database, START).get(0), START, "HTTP 500");
        assertThat(claim(database, START.plusSeconds(29))).as("before the first backoff").isEmpty();
        fail(database, claim(database, START.plusSeconds(30)).get(0), START.plusSeconds(30), "HTTP 500");
        assertThat(claim(database, START.plusSeconds(89))).as("before the second, doubled backoff").isEmpty();
        fail(database, claim(database, START.plusSeconds(90)).get(0), START.plusSeconds(90), "HTTP 502");

        Delivery failed = delivery(database, key);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("HTTP 502");
        assertThat(claim(database, START.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(attempts(database, key)).extracting(Attempt::attempt, Attempt::outcome, Attempt::detail)
                .containsExactly(
                        tuple(1, "failed", "HTTP 500"),
                        tuple(2, "failed", "HTTP 500"),
                        tuple(3, "failed", "HTTP 502"));
    }

    @OnEachBackend
    void aDeliveredDeliveryIsNeverClaimedAgain(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        String key = "change:3:hook:" + hook;
        queue(database, key, hook);
        Claimed claimed = claim(database, START).get(0);

        boolean settled = database.write(h -> deliveries.finish(h, claimed, Outcome.success("HTTP 204"), START,
                START.plusMillis(120), Optional.empty()));

        assertThat(settled).isTrue();
        Delivery delivered = delivery(database, key);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(START.plusMillis(120));
        assertThat(delivered.lastError()).isNull();
        assertThat(claim(database, START.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(attempts(database, key)).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("delivered");
            assertThat(attempt.durationMs()).isEqualTo(120L);
        });
    }

    @OnEachBackend
    void aClaimThatLapsesIsTakenAgainTheLostAttemptIsLoggedAndTheStaleSenderChangesNothing(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        String key = "update:4:hook:" + hook;
        queue(database, key, hook);
        Claimed lost = claim(database, START).get(0);

        List<Claimed> retaken = claim(database, START.plus(LEASE));
        boolean staleFinish = database.write(h -> deliveries.finish(h, lost, Outcome.success("HTTP 200"), START,
                START.plus(LEASE).plusSeconds(1), Optional.empty()));

        assertThat(retaken).singleElement().extracting(Claimed::attempt).isEqualTo(2);
        assertThat(staleFinish).isFalse();
        assertThat(delivery(database, key).status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(attempts(database, key)).extracting(Attempt::attempt, Attempt::outcome).containsExactly(
                tuple(1, "interrupted"),
                tuple(1, "delivered"));
    }

    @OnEachBackend
    void aClaimThatLapsesOnTheLastAttemptFailsTheDelivery(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        String key = "update:5:hook:" + hook;
        queue(database, key, hook);
        for (int attempt = 1; attempt < BACKOFF.maxAttempts(); attempt++) {
            Instant at = START.plus(Duration.ofHours(attempt));
            fail(database, claim(database, at).get(0), at, "connection refused");
        }
        claim(database, START.plus(Duration.ofHours(BACKOFF.maxAttempts())));

        List<Claimed> afterLapse = claim(database, START.plus(Duration.ofHours(BACKOFF.maxAttempts())).plus(LEASE));

        assertThat(afterLapse).isEmpty();
        Delivery failed = delivery(database, key);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("gave up after 3 attempts");
        assertThat(attempts(database, key)).extracting(Attempt::outcome)
                .containsExactly("failed", "failed", "interrupted");
    }

    @OnEachBackend
    void removingARecipientCancelsWhatWaitsForItButNotWhatWasDelivered(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        queue(database, "update:1:hook:" + hook, hook);
        Claimed sent = claim(database, START).get(0);
        database.write(h -> deliveries.finish(h, sent, Outcome.success("HTTP 200"), START, START, Optional.empty()));
        queue(database, "update:2:hook:" + hook, hook);

        int cancelled = database.write(h -> deliveries.cancelForHook(h, hook, START.plusSeconds(1)));

        assertThat(cancelled).isEqualTo(1);
        assertThat(delivery(database, "update:1:hook:" + hook).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery(database, "update:2:hook:" + hook).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(claim(database, START.plus(Duration.ofDays(1)))).isEmpty();
    }

    @OnEachBackend
    void dueDeliveriesAreClaimedOldestFirstUpToTheLimit(TestDatabase store) {
        Database database = store.open();
        long hook = opsHook(database);
        for (int update = 1; update <= 5; update++) {
            Instant at = START.plusSeconds(update);
            String key = "update:" + update + ":hook:" + hook;
            database.write(h -> deliveries.enqueue(h, slack(key, hook, "{}"), at));
        }

        List<Claimed> claimed = database.write(h -> deliveries.claimDue(h, START.plusSeconds(10), 3, LEASE, 3));

        assertThat(claimed).extracting(Claimed::idempotencyKey).containsExactly(
                "update:1:hook:" + hook, "update:2:hook:" + hook, "update:3:hook:" + hook);
    }

    private long opsHook(Database database) {
        return database.write(h -> new StaffHookStore().create(h, Channel.SLACK, "#ops",
                "https://hooks.slack.test/services/T0/B0/secret", null, Set.copyOf(StaffHook.CHOICES), START));
    }

    private void queue(Database database, String key, long hook) {
        database.write(h -> deliveries.enqueue(h, slack(key, hook, "{\"text\":\"Search is down\"}"), START));
    }

    private static Delivery.New slack(String key, long hook, String payload) {
        return new Delivery.New(key, Channel.SLACK, Event.INCIDENT_UPDATE, null, hook,
                "https://hooks.slack.test/services/T0/B0/secret", payload);
    }

    private List<Claimed> claim(Database database, Instant now) {
        return database.write(h -> deliveries.claimDue(h, now, 10, LEASE, BACKOFF.maxAttempts()));
    }

    private void fail(Database database, Claimed claimed, Instant at, String why) {
        database.write(h -> deliveries.finish(h, claimed, Outcome.failure(why), at, at,
                BACKOFF.retryAt(claimed.attempt(), at)));
    }

    private Delivery delivery(Database database, String key) {
        return database.read(h -> deliveries.byKey(h, key)).orElseThrow();
    }

    private List<Attempt> attempts(Database database, String key) {
        long id = delivery(database, key).id();
        return database.read(h -> deliveries.attempts(h, id));
    }
}
