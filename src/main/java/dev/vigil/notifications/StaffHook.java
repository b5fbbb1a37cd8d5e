package dev.vigil.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff alert: a Slack-compatible incoming webhook, or a generic webhook that gets the signed
 * JSON envelope. Each hears the events it was set up for.
 *
 * @param secret the generic webhook's signing key; null for Slack
 * @param events what it hears, a non-empty subset of {@link #CHOICES}
 */
public record StaffHook(long id, Channel kind, String name, String url, String secret, Instant createdAt,
        Set<Event> events) {

    /** What a staff hook can be told of, in the order the console lists them. */
    public static final List<Event> CHOICES =
            List.of(Event.INCIDENT_UPDATE, Event.COMPONENT_UPDATE, Event.NOTICE_PUBLISHED, Event.ACTION_ITEM_SUMMARY);

    public StaffHook {
        events = Set.copyOf(events);
    }

    /** The choices whose keys are given; keys that name no choice are ignored. */
    public static Set<Event> choicesNamed(Collection<String> keys) {
        return CHOICES.stream().filter(event -> keys.contains(event.key())).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hears(Event event) {
        return events.contains(event);
    }

    /** Leaves the URL (Slack puts its credential in it) and the secret out. */
    @Override
    public String toString() {
        return "StaffHook[id=" + id + ", kind=" + kind.key() + ", name=" + name + ", events=" + events + "]";
    }
}
