package dev.vigil.notifications;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hooks through which staff hear of incident updates, component changes, published reports and
 * the daily action-item summary (each hook the ones it chose), and the delivery log they check them
 * with. Every change is audited.
 */
final class StaffAlerts {
    private static final int MAX_NAME = 100;
    private static final String NO_EVENTS = "Choose at least one thing this hook should hear of.";

    private final Database database;
    private final StaffHookStore hooks;
    private final DeliveryStore deliveries;
    private final SecretTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public StaffAlerts(Database database, StaffHookStore hooks, DeliveryStore deliveries, SecretTokens tokens,
            AuditLog audit, Clock clock) {
        this.database = database;
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a hook. kind is "slack" or "webhook"; a generic webhook gets a signing secret, returned
     * this once so that it can be shown, and never again.
     */
    public Optional<String> add(String kind, String name, String url, List<String> eventKeys, String actor) {
        Channel channel = "slack".equals(kind) ? Channel.SLACK : "webhook".equals(kind) ? Channel.WEBHOOK : null;
        String trimmedName = name == null ? "" : name.strip();
        URI uri = null;
        InvalidInput.Collector problems = new InvalidInput.Collector()
                .check(channel != null, "kind", "Choose Slack-compatible or generic webhook.")
                .check(!trimmedName.isEmpty() && trimmedName.length() <= MAX_NAME, "name",
                        "Enter a name of 1 to " + MAX_NAME + " characters, such as #ops or PagerDuty.");
        try {
            uri = WebhookUrls.parse("url", url);
        } catch (InvalidInput e) {
            e.fields().forEach((field, message) -> problems.check(false, field, message));
        }
        Set<Event> events = events(eventKeys);
        problems.check(!events.isEmpty(), "events", NO_EVENTS).throwIfAny();
        String secret = channel == Channel.WEBHOOK ? tokens.next() : null;
        String target = uri.toString();
        Instant now = clock.instant();
        database.write(handle -> {
            long id = hooks.create(handle, channel, trimmedName, target, secret, events, now);
            audit.record(handle, now, actor, "notification_hook.created", "notification_hook", Long.toString(id),
                    channel.key() + " \"" + trimmedName + "\" to " + Masks.url(target) + " hears " + describe(events));
            return id;
        });
        return Optional.ofNullable(secret);
    }

    /** Changes what a hook hears from now on; what is already queued is still sent. False when it is gone. */
    public boolean changeEvents(long id, List<String> eventKeys, String actor) {
        Set<Event> events = events(eventKeys);
        new InvalidInput.Collector().check(!events.isEmpty(), "events", NO_EVENTS).throwIfAny();
        Instant now = clock.instant();
        return database.write(handle -> {
            if (!hooks.setEvents(handle, id, events)) {
                return false;
            }
            audit.record(handle, now, actor, "notification_hook.events_changed", "notification_hook",
                    Long.toString(id), "hears " + describe(events));
            return true;
        });
    }

    /** Unknown keys are ignored: the form only offers {@link StaffHook#CHOICES}. */
    private static Set<Event> events(List<String> keys) {
        return keys == null ? Set.of() : StaffHook.choicesNamed(keys);
    }

    private static String describe(Set<Event> events) {
        return StaffHook.CHOICES.stream().filter(events::contains).map(Event::key).collect(Collectors.joining(", "));
    }

    /** Removes a hook and cancels what still waits for it; false when it was gone already. */
    public boolean remove(long id, String actor) {
        Instant now = clock.instant();
        return database.write(handle -> {
            Optional<StaffHook> hook = hooks.findActive(handle, id);
            if (hook.isEmpty() || !hooks.remove(handle, id, now)) {
                return false;
            }
            deliveries.cancelForHook(handle, id, now);
            audit.record(handle, now, actor, "notification_hook.removed", "notification_hook", Long.toString(id),
                    hook.get().kind().key() + " \"" + hook.get().name() + "\"");
            return true;
        });
    }

    public List<StaffHook> hooks() {
        return database.read(hooks::active);
    }

    /** The latest deliveries, newest first. */
    public List<Delivery> latestDeliveries(int limit) {
        return database.read(handle -> deliveries.latest(handle, limit));
    }
}
