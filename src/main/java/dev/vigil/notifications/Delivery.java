package dev.vigil.notifications;

import java.time.Instant;

/** One message in the outbox, as the console lists it. Times are null until reached. */
public record Delivery(
        long id, String idempotencyKey, Channel channel, Event event, String target, DeliveryStatus status,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
        Instant deliveredAt) {

    /** One attempt to deliver it. outcome is delivered, failed or interrupted. */
    public record Attempt(int attempt, Instant startedAt, Long durationMs, String outcome, String detail) {}

    /**
     * What is queued: one message for one recipient. At most one of subscriberId and hookId is set;
     * neither for mail to a staff member (an invitation or reset link).
     */
    public record New(String idempotencyKey, Channel channel, Event event, Long subscriberId, Long hookId,
            String target, String payload) {}

    /**
     * A delivery claimed for one attempt.
     *
     * @param subscriberId set when the recipient is a public subscriber, null for a staff hook
     * @param attempt the number of this attempt, from 1
     * @param secret the recipient's signing key for webhooks, else null
     */
    public record Claimed(long id, String idempotencyKey, Channel channel, Event event, Long subscriberId,
            String target, String payload, Instant createdAt, int attempt, String secret) {

        /** Leaves the payload (it may hold a one-time link) and the secret out. */
        @Override
        public String toString() {
            return "Claimed[id=" + id + ", key=" + idempotencyKey + ", attempt=" + attempt + "]";
        }
    }

    /** How one attempt went; detail says why it failed, in words a person can act on. */
    public record Outcome(boolean delivered, String detail) {
        public static Outcome success(String detail) {
            return new Outcome(true, detail);
        }

        public static Outcome failure(String detail) {
            return new Outcome(false, detail);
        }
    }
}
