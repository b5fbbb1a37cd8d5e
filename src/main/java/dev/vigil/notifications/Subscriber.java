package dev.vigil.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A public subscriber: an email address or a webhook URL, and the components it chose (none: all).
 *
 * @param unsubscribeToken the token of the link in every message
 * @param secret a webhook's signing key; null for email
 * @param confirmSentAt when the last confirmation link was queued; null for webhooks
 */
record Subscriber(
        long id, Channel channel, String target, List<String> componentIds, String unsubscribeToken, String secret,
        Instant createdAt, Instant confirmSentAt, Instant confirmedAt, Instant removedAt) {

    public Subscriber {
        componentIds = List.copyOf(componentIds);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean active() {
        return removedAt == null;
    }

    /** Whether news touching these components is for this subscriber. News that names no component is for all. */
    public boolean wants(Collection<String> touchedComponents) {
        return componentIds.isEmpty() || touchedComponents.isEmpty()
                || touchedComponents.stream().anyMatch(componentIds::contains);
    }

    /** Leaves the secrets out, so that a logged subscriber reveals neither. */
    @Override
    public String toString() {
        return "Subscriber[id=" + id + ", channel=" + channel.key() + ", components=" + componentIds
                + ", confirmed=" + confirmed() + ", active=" + active() + "]";
    }
}
