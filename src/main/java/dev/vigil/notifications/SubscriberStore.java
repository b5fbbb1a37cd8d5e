package dev.vigil.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for subscribers, their chosen components and the subscription requests. Callers own the transaction. */
final class SubscriberStore {
    private static final int MAX_IDS_IN_QUERY = 500;

    /** What a new subscriber starts with. confirmTokenHash is null for webhooks, which start confirmed. */
    public record New(Channel channel, String target, List<String> componentIds, String confirmTokenHash,
            String unsubscribeToken, String secret, Instant now, boolean confirmed) {}

    public long create(Handle handle, New subscriber) {
        long id = handle.createQuery("""
                INSERT INTO subscribers (channel, target, confirm_token_hash, confirm_sent_at, unsubscribe_token,
                                         secret, created_at, confirmed_at)
                VALUES (:channel, :target, :confirm, :sent, :unsubscribe, :secret, :now, :confirmed) RETURNING id""")
                .bind("channel", subscriber.channel().key()).bind("target", subscriber.target())
                .bind("confirm", subscriber.confirmTokenHash())
                .bind("sent", subscriber.confirmTokenHash() == null ? null : subscriber.now().toEpochMilli())
                .bind("unsubscribe", subscriber.unsubscribeToken()).bind("secret", subscriber.secret())
                .bind("now", subscriber.now().toEpochMilli())
                .bind("confirmed", subscriber.confirmed() ? subscriber.now().toEpochMilli() : null)
                .mapTo(Long.class).one();
        replaceComponents(handle, id, subscriber.componentIds());
        return id;
    }

    public void replaceComponents(Handle handle, long subscriberId, List<String> componentIds) {
        handle.createUpdate("DELETE FROM subscriber_components WHERE subscriber_id = :id")
                .bind("id", subscriberId).execute();
        for (String componentId : componentIds) {
            handle.createUpdate("""
                    INSERT INTO subscriber_components (subscriber_id, component_id) VALUES (:id, :component)""")
                    .bind("id", subscriberId).bind("component", componentId).execute();
        }
    }

    /** The subscriber of this channel and target that has not left, confirmed or not. */
    public Optional<Subscriber> findActive(Handle handle, Channel channel, String target) {
        return first(load(handle, "WHERE channel = :channel AND target = :target AND removed_at IS NULL",
                Map.of("channel", channel.key(), "target", target)));
    }

    public Optional<Subscriber> find(Handle handle, long id) {
        return first(load(handle, "WHERE id = :id", Map.of("id", id)));
    }

    /** The unconfirmed subscriber whose confirmation link carries the token with this hash. */
    public Optional<Subscriber> byConfirmTokenHash(Handle handle, String tokenHash) {
        return first(load(handle, "WHERE confirm_token_hash = :hash AND confirmed_at IS NULL AND removed_at IS NULL",
                Map.of("hash", tokenHash)));
    }

    /** The subscriber an unsubscribe link belongs to, also after it was used. */
    public Optional<Subscriber> byUnsubscribeToken(Handle handle, String token) {
        return first(load(handle, "WHERE unsubscribe_token = :token", Map.of("token", token)));
    }

    /** A new confirmation link for an unconfirmed subscriber; the previous one stops working. */
    public void renewConfirmation(Handle handle, long id, String tokenHash, Instant now) {
        handle.createUpdate("UPDATE subscribers SET confirm_token_hash = :hash, confirm_sent_at = :now WHERE id = :id")
                .bind("hash", tokenHash).bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    /** Confirms once: the link's token is forgotten. False when it was confirmed or removed meanwhile. */
    public boolean confirm(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                UPDATE subscribers SET confirmed_at = :now, confirm_token_hash = NULL
                 WHERE id = :id AND confirmed_at IS NULL AND removed_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** False when it had already left. */
    public boolean remove(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                UPDATE subscribers SET removed_at = :now, confirm_token_hash = NULL
                 WHERE id = :id AND removed_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** Confirmed subscribers who have not left: the ones news goes to. */
    public List<Subscriber> confirmed(Handle handle) {
        return load(handle, "WHERE confirmed_at IS NOT NULL AND removed_at IS NULL ORDER BY id", Map.of());
    }

    /** Everyone who has not left, newest first, for the console. */
    public List<Subscriber> active(Handle handle, int limit) {
        return load(handle, "WHERE removed_at IS NULL ORDER BY created_at DESC, id DESC LIMIT :limit",
                Map.of("limit", limit));
    }

    /** Notes a subscription request, and forgets those older than keepSince. */
    public void recordRequest(Handle handle, String email, String address, Instant now, Instant keepSince) {
        handle.createUpdate("DELETE FROM subscription_requests WHERE at < :since")
                .bind("since", keepSince.toEpochMilli()).execute();
        handle.createUpdate("INSERT INTO subscription_requests (email, address, at) VALUES (:email, :address, :now)")
                .bind("email", email).bind("address", address).bind("now", now.toEpochMilli()).execute();
    }

    public long requestsForEmail(Handle handle, String email, Instant since) {
        return handle.createQuery("SELECT COUNT(*) FROM subscription_requests WHERE email = :email AND at >= :since")
                .bind("email", email).bind("since", since.toEpochMilli()).mapTo(Long.class).one();
    }

    public long requestsFromAddress(Handle handle, String address, Instant since) {
        return handle.createQuery("SELECT COUNT(*) FROM subscription_requests WHERE address = :address AND at >= :since")
                .bind("address", address).bind("since", since.toEpochMilli()).mapTo(Long.class).one();
    }

    private List<Subscriber> load(Handle handle, String where, Map<String, Object> binds) {
        var query = handle.createQuery("SELECT * FROM subscribers " + where);
        binds.forEach(query::bind);
        List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
        Map<Long, List<String>> components = components(handle, rows);
        List<Subscriber> subscribers = new ArrayList<>();
        for (Row row : rows) {
            subscribers.add(new Subscriber(row.id, row.channel, row.target, components.getOrDefault(row.id, List.of()),
                    row.unsubscribeToken, row.secret, row.createdAt, row.confirmSentAt, row.confirmedAt, row.removedAt));
        }
        return subscribers;
    }

    // Few subscribers are looked up by id; many (everyone news goes to) by reading the whole small table,
    // which also stays clear of the databases' limits on bound parameters.
    private static Map<Long, List<String>> components(Handle handle, List<Row> rows) {
        Map<Long, List<String>> components = new HashMap<>();
        if (rows.isEmpty()) {
            return components;
        }
        boolean few = rows.size() <= MAX_IDS_IN_QUERY;
        var query = handle.createQuery("SELECT subscriber_id, component_id FROM subscriber_components"
                + (few ? " WHERE subscriber_id IN (<ids>)" : "") + " ORDER BY subscriber_id, component_id");
        if (few) {
            query.bindList("ids", rows.stream().map(Row::id).toList());
        }
        query.map((rs, ctx) -> Map.entry(rs.getLong("subscriber_id"), rs.getString("component_id")))
                .forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return components;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.stream().findFirst();
    }

    private record Row(long id, Channel channel, String target, String unsubscribeToken, String secret,
            Instant createdAt, Instant confirmSentAt, Instant confirmedAt, Instant removedAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), Channel.fromKey(rs.getString("channel")), rs.getString("target"),
                rs.getString("unsubscribe_token"), rs.getString("secret"), instant(rs, "created_at"),
                instant(rs, "confirm_sent_at"), instant(rs, "confirmed_at"), instant(rs, "removed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
