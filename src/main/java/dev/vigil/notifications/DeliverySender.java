package dev.vigil.notifications;

import dev.vigil.db.Database;
import dev.vigil.notifications.Delivery.Claimed;
import dev.vigil.notifications.Delivery.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox: claims the deliveries that are due, sends each (a few at a time, so
 * that one slow webhook does not hold up the mail), and records the outcome, scheduling a retry
 * after a failure. At least once: a delivery is marked delivered only after it was accepted, so a
 * crash in between sends it again, with the same idempotency key.
 */
final class DeliverySender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    static final int BATCH = 20;
    static final int PARALLEL_SENDS = 4;
    /**
     * How long a claim lasts: longer than any one attempt can take (30 s for a webhook, up to three
     * 30 s timeouts for SMTP), so only a claim whose sender died lapses.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** What a mail with a one-time link becomes once it is sent or given up: the link is not kept. */
    static final String LINK_REMOVED_AFTER_SENDING = new OutgoingMail("", "",
            "(the one-time link was removed after sending)", "").toJson();

    private final Database database;
    private final DeliveryStore deliveries;
    private final MailSender mail;
    private final WebhookPoster webhooks;
    private final WebhookAddresses addresses;
    private final Backoff backoff;
    private final Clock clock;
    private final ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_SENDS, runnable -> {
        Thread thread = new Thread(runnable, "vigil-delivery");
        thread.setDaemon(true);
        return thread;
    });

    /** @param mail null when no mail server is configured; mail queued while one was fails, saying so */
    public DeliverySender(Database database, DeliveryStore deliveries, MailSender mail, WebhookPoster webhooks,
            WebhookAddresses addresses, Backoff backoff, Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.mail = mail;
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Sends what is due, batch after batch; returns the number of attempts made. */
    public int run() throws InterruptedException {
        int attempts = 0;
        List<Claimed> batch;
        do {
            Instant now = clock.instant();
            batch = database.write(handle -> deliveries.claimDue(handle, now, BATCH, CLAIM_LEASE,
                    backoff.maxAttempts()));
            List<Future<?>> running = new ArrayList<>();
            for (Claimed claimed : batch) {
                running.add(senders.submit(() -> attempt(claimed)));
            }
            for (Future<?> attempt : running) {
                waitFor(attempt);
            }
            attempts += batch.size();
        } while (batch.size() == BATCH);
        return attempts;
    }

    private void attempt(Claimed claimed) {
        Instant started = clock.instant();
        Outcome outcome;
        try {
            outcome = send(claimed);
        } catch (RuntimeException e) {
            log.error("Delivery {} failed unexpectedly", claimed.id(), e);
            outcome = Outcome.failure("internal error: " + e);
        }
        Outcome result = outcome;
        Instant finished = clock.instant();
        Optional<Instant> retryAt = result.delivered() ? Optional.empty() : backoff.retryAt(claimed.attempt(), finished);
        database.write(handle -> {
            deliveries.finish(handle, claimed, result, started, finished, retryAt);
            if (claimed.event().carriesOneTimeLink() && (result.delivered() || retryAt.isEmpty())) {
                deliveries.replacePayload(handle, claimed.id(), LINK_REMOVED_AFTER_SENDING);
            }
            return null;
        });
        if (!result.delivered()) {
            log.warn("Delivery {} ({} to {}) attempt {} failed: {}; {}", claimed.id(), claimed.channel().key(),
                    Masks.target(claimed.channel(), claimed.target()), claimed.attempt(), result.detail(),
                    retryAt.map(at -> "next attempt at " + at).orElse("giving up"));
        }
    }

    private Outcome send(Claimed claimed) {
        return switch (claimed.channel()) {
            case EMAIL -> mail == null
                    ? Outcome.failure("no mail server is configured")
                    : mail.send(OutgoingMail.fromJson(claimed.payload()), claimed.idempotencyKey(), claimed.createdAt());
            case WEBHOOK, SLACK -> post(claimed);
        };
    }

    private Outcome post(Claimed claimed) {
        if (claimed.subscriberId() != null) {
            Optional<String> refusal = addresses.refusal(URI.create(claimed.target()));
            if (refusal.isPresent()) {
                return Outcome.failure("not sent: " + refusal.get());
            }
        }
        String secret = claimed.channel() == Channel.WEBHOOK ? claimed.secret() : null;
        return webhooks.post(claimed.target(), claimed.payload(), claimed.idempotencyKey(), claimed.event(), secret);
    }

    private static void waitFor(Future<?> attempt) throws InterruptedException {
        try {
            attempt.get();
        } catch (ExecutionException e) {
            log.error("A delivery attempt failed to record its outcome", e.getCause());
        }
    }

    @Override
    public void close() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(WebhookPoster.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
