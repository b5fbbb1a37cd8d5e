package dev.vigil.notifications;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Models of the subscription pages and the console's notification pages. errors maps a field to what is wrong. */
public final class NotificationPages {
    private NotificationPages() {}

    /** A component offered on the subscription forms. group is null outside any group. */
    public record Choice(String id, String name, String group) {}

    /** What a visitor typed into one form, to show it again with its problems. */
    public record Form(String value, Set<String> checked, Map<String, String> errors) {
        public static final Form EMPTY = new Form("", Set.of(), Map.of());
    }

    /**
     * The public subscription page with its email and webhook forms.
     *
     * @param notice a line confirming what just happened, or null
     */
    public record Subscribe(String siteName, String formToken, boolean emailAvailable, List<Choice> components,
            Form email, Form webhook, String notice) {}

    /** Shown once, right after a webhook subscribed: the secret it must check signatures with. */
    public record WebhookSubscribed(String siteName, String url, String secret, String signatureHeader,
            String unsubscribeUrl) {}

    /**
     * A page reached from a link in a message: a question with one button (action is the form's
     * target), or, with action null, just the answer.
     */
    public record LinkPage(String siteName, String title, String message, String action, String button) {}

    /** The console's notification settings. newSecret is set once, right after a generic webhook was added. */
    public record Settings(Frame frame, String zone, boolean emailAvailable, List<HookRow> hooks,
            List<SubscriberRow> subscribers, int subscriberLimit, HookForm form, String newSecret,
            Map<Long, String> hookErrors) {}

    /** hears holds the keys of the events the hook chose, for its form; heard is the same in words. */
    public record HookRow(long id, String kind, String name, String url, String createdAt, Set<String> hears,
            String heard) {}

    /** One event a staff hook can choose, as its checkbox shows it. */
    public record EventChoice(String key, String label) {}

    /** The events of {@link StaffHook#CHOICES}, in words. */
    public static final List<EventChoice> EVENT_CHOICES = StaffHook.CHOICES.stream()
            .map(event -> new EventChoice(event.key(), label(event))).toList();

    static String label(Event event) {
        return switch (event) {
            case INCIDENT_UPDATE -> "Incident updates";
            case COMPONENT_UPDATE -> "Component status changes";
            case NOTICE_PUBLISHED -> "Published incident reports";
            case ACTION_ITEM_SUMMARY -> "Daily action item summary";
            default -> event.key().replace('_', ' ');
        };
    }

    /** target is masked. */
    public record SubscriberRow(long id, String channel, String target, String components, String state, String since) {}

    public record HookForm(String kind, String name, String url, Set<String> events, Map<String, String> errors) {
        public static final HookForm EMPTY = new HookForm("slack", "", "",
                EVENT_CHOICES.stream().map(EventChoice::key).collect(java.util.stream.Collectors.toSet()), Map.of());

        public boolean isWebhook() {
            return "webhook".equals(kind);
        }
    }

    public record Deliveries(Frame frame, String zone, List<DeliveryRow> deliveries) {}

    /** One delivery in the log; times are null (shown as a dash) until reached. */
    public record DeliveryRow(long id, String event, String channel, String target, String status, int attempts,
            String createdAt, String lastAttemptAt, String nextAttemptAt, String deliveredAt, String lastError) {}
}
