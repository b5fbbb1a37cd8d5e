package dev.vigil.notifications;

import dev.vigil.notifications.Delivery.Attempt;
import dev.vigil.notifications.Delivery.Claimed;
import dev.vigil.notifications.Delivery.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the outbox and its attempt log. Callers own the transaction. State changes are
 * compare-and-set on (status, attempts), so two senders never both take one attempt.
 */
public final class DeliveryStore {
    /** The longest an error text is kept; a remote server may answer with anything. */
    static final int MAX_ERROR_LENGTH = 500;
    public static final String RECIPIENT_REMOVED = "the recipient left or was removed before it went out";

    /** Queues a delivery; false (and nothing written) when one with its key exists already. */
    public boolean enqueue(Handle handle, Delivery.New delivery, Instant now) {
        return handle.createUpdate("""
                INSERT INTO deliveries (idempotency_key, channel, event, subscriber_id, hook_id, target, payload,
                                        status, attempts, created_at, next_attempt_at)
                VALUES (:key, :channel, :event, :subscriber, :hook, :target, :payload, 'pending', 0, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .bind("key", delivery.idempotencyKey()).bind("channel", delivery.channel().key())
                .bind("event", delivery.event().key()).bind("subscriber", delivery.subscriberId())
                .bind("hook", delivery.hookId()).bind("target", delivery.target()).bind("payload", delivery.payload())
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    /**
     * Claims up to limit due deliveries for one attempt each: pending ones whose time has come,
     * and sending ones whose claim lapsed (their attempt is logged as interrupted). A claim lasts
     * for lease; one that has used up its attempts fails instead.
     */
    public List<Claimed> claimDue(Handle handle, Instant now, int limit, Duration lease, int maxAttempts) {
        List<DueRow> due = handle.createQuery("""
                SELECT d.id, d.idempotency_key, d.channel, d.event, d.subscriber_id, d.target, d.payload, d.created_at,
                       d.status, d.attempts, COALESCE(s.secret, h.secret) AS secret
                  FROM deliveries d
                  LEFT JOIN subscribers s ON s.id = d.subscriber_id
                  LEFT JOIN staff_hooks h ON h.id = d.hook_id
                 WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= :now
                 ORDER BY d.next_attempt_at, d.id
                 LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> dueRow(rs))
                .list();
        List<Claimed> claimed = new ArrayList<>();
        for (DueRow row : due) {
            boolean lapsed = row.status == DeliveryStatus.SENDING;
            if (row.attempts >= maxAttempts) {
                if (settle(handle, row.id, row.status, row.attempts, DeliveryStatus.FAILED, null, now,
                        "gave up after " + row.attempts + " attempts", null) && lapsed) {
                    logInterrupted(handle, row, now);
                }
                continue;
            }
            int taken = handle.createUpdate("""
                    UPDATE deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = :leaseEnd,
                           last_attempt_at = :now
                     WHERE id = :id AND status = :status AND attempts = :attempts""")
                    .bind("leaseEnd", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli())
                    .bind("id", row.id).bind("status", row.status.key()).bind("attempts", row.attempts)
                    .execute();
            if (taken == 1) {
                if (lapsed) {
                    logInterrupted(handle, row, now);
                }
                claimed.add(new Claimed(row.id, row.key, row.channel, row.event, row.subscriberId, row.target,
                        row.payload, row.createdAt, row.attempts + 1, row.secret));
            }
        }
        return claimed;
    }

    /**
     * Records how an attempt went: delivered, or pending again at retryAt, or failed when retryAt
     * is empty. Does nothing to the delivery when its claim was lost meanwhile; the attempt is
     * logged either way. True when the delivery was updated.
     */
    public boolean finish(Handle handle, Claimed claimed, Outcome outcome, Instant startedAt, Instant now,
            Optional<Instant> retryAt) {
        handle.createUpdate("""
                INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, detail)
                VALUES (:delivery, :attempt, :started, :duration, :outcome, :detail)""")
                .bind("delivery", claimed.id()).bind("attempt", claimed.attempt())
                .bind("started", startedAt.toEpochMilli()).bind("duration", Duration.between(startedAt, now).toMillis())
                .bind("outcome", outcome.delivered() ? "delivered" : "failed").bind("detail", clip(outcome.detail()))
                .execute();
        if (outcome.delivered()) {
            return settle(handle, claimed.id(), DeliveryStatus.SENDING, claimed.attempt(), DeliveryStatus.DELIVERED,
                    null, now, null, now);
        }
        return retryAt.isPresent()
                ? settle(handle, claimed.id(), DeliveryStatus.SENDING, claimed.attempt(), DeliveryStatus.PENDING,
                        retryAt.get(), now, outcome.detail(), null)
                : settle(handle, claimed.id(), DeliveryStatus.SENDING, claimed.attempt(), DeliveryStatus.FAILED,
                        null, now, outcome.detail(), null);
    }

    /** Replaces a payload, for messages that held a one-time secret and need it no more. */
    public void replacePayload(Handle handle, long id, String payload) {
        handle.createUpdate("UPDATE deliveries SET payload = :payload WHERE id = :id")
                .bind("payload", payload).bind("id", id).execute();
    }

    /** Cancels what still waits for a subscriber; why is kept as the deliveries' last error. */
    public int cancelForSubscriber(Handle handle, long subscriberId, Instant now, String why) {
        return cancel(handle, "subscriber_id", subscriberId, now, why);
    }

    /** Cancels what still waits for a staff hook that was removed. */
    public int cancelForHook(Handle handle, long hookId, Instant now) {
        return cancel(handle, "hook_id", hookId, now, RECIPIENT_REMOVED);
    }

    /** The latest deliveries, newest first. */
    public List<Delivery> latest(Handle handle, int limit) {
        return handle.createQuery("SELECT * FROM deliveries ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> delivery(rs)).list();
    }

    public Optional<Delivery> byKey(Handle handle, String idempotencyKey) {
        return handle.createQuery("SELECT * FROM deliveries WHERE idempotency_key = :key")
                .bind("key", idempotencyKey).map((rs, ctx) -> delivery(rs)).findOne();
    }

    /** A delivery's attempts, first first. */
    public List<Attempt> attempts(Handle handle, long deliveryId) {
        return handle.createQuery("SELECT * FROM delivery_attempts WHERE delivery_id = :id ORDER BY attempt, id")
                .bind("id", deliveryId)
                .map((rs, ctx) -> new Attempt(rs.getInt("attempt"), Instant.ofEpochMilli(rs.getLong("started_at")),
                        nullableLong(rs, "duration_ms"), rs.getString("outcome"), rs.getString("detail")))
                .list();
    }

    private int cancel(Handle handle, String column, long id, Instant now, String why) {
        return handle.createUpdate("UPDATE deliveries SET status = 'cancelled', last_error = :why,"
                        + " next_attempt_at = :now WHERE " + column + " = :id AND status = 'pending'")
                .bind("why", why).bind("now", now.toEpochMilli())
                .bind("id", id).execute();
    }

    private boolean settle(Handle handle, long id, DeliveryStatus from, int attempts, DeliveryStatus to,
            Instant nextAttemptAt, Instant now, String error, Instant deliveredAt) {
        return handle.createUpdate("""
                UPDATE deliveries SET status = :to, next_attempt_at = :next, last_error = :error,
                       delivered_at = :delivered
                 WHERE id = :id AND status = :from AND attempts = :attempts""")
                .bind("to", to.key()).bind("next", (nextAttemptAt == null ? now : nextAttemptAt).toEpochMilli())
                .bind("error", clip(error)).bind("delivered", deliveredAt == null ? null : deliveredAt.toEpochMilli())
                .bind("id", id).bind("from", from.key()).bind("attempts", attempts)
                .execute() == 1;
    }

    private void logInterrupted(Handle handle, DueRow row, Instant now) {
        handle.createUpdate("""
                INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, detail)
                VALUES (:delivery, :attempt, :now, NULL, 'interrupted', :detail)""")
                .bind("delivery", row.id).bind("attempt", row.attempts).bind("now", now.toEpochMilli())
                .bind("detail", "Vigil stopped before this attempt finished; whether it arrived is unknown")
                .execute();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private record DueRow(long id, String key, Channel channel, Event event, Long subscriberId, String target,
            String payload, Instant createdAt, DeliveryStatus status, int attempts, String secret) {}

    private static DueRow dueRow(ResultSet rs) throws SQLException {
        return new DueRow(rs.getLong("id"), rs.getString("idempotency_key"), Channel.fromKey(rs.getString("channel")),
                Event.fromKey(rs.getString("event")), nullableLong(rs, "subscriber_id"), rs.getString("target"),
                rs.getString("payload"), instant(rs, "created_at"), DeliveryStatus.fromKey(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("secret"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("idempotency_key"), Channel.fromKey(rs.getString("channel")),
                Event.fromKey(rs.getString("event")), rs.getString("target"),
                DeliveryStatus.fromKey(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                rs.getString("last_error"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long value = nullableLong(rs, column);
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
