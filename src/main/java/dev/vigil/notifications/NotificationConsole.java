package dev.vigil.notifications;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.notifications.NotificationPages.DeliveryRow;
import dev.vigil.notifications.NotificationPages.HookForm;
import dev.vigil.notifications.NotificationPages.HookRow;
import dev.vigil.notifications.NotificationPages.SubscriberRow;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.PathIds;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The console's notification pages, for admins: staff hooks, subscribers, and the delivery log. */
public record NotificationConsole(Subscriptions subscriptions, StaffAlerts alerts, Templates templates,
        TimeFormat times, String siteName, boolean emailAvailable) {

    static final int SUBSCRIBERS_SHOWN = 500;
    static final int DELIVERIES_SHOWN = 200;

    /** GET /console/notifications */
    public void settings(Context ctx) {
        showSettings(ctx, HookForm.EMPTY, null);
    }

    /** POST /console/notifications/hooks: a generic webhook's secret is shown in the answer, once. */
    public void addHook(Context ctx) {
        String kind = ctx.formParam("kind");
        String name = ctx.formParam("name");
        String url = ctx.formParam("url");
        List<String> events = ctx.formParams("event");
        try {
            Optional<String> secret = alerts.add(kind, name, url, events, actor(ctx));
            if (secret.isEmpty()) {
                ctx.redirect("/console/notifications", HttpStatus.SEE_OTHER);
                return;
            }
            showSettings(ctx, HookForm.EMPTY, secret.get());
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showSettings(ctx, new HookForm(kind == null ? "" : kind, name == null ? "" : name, url == null ? "" : url,
                    Set.copyOf(events), e.fields()), null);
        }
    }

    /** POST /console/notifications/hooks/{id}/events: what the hook hears from now on. */
    public void changeEvents(Context ctx) {
        long id = id(ctx);
        RefusedForm.submit(ctx, () -> {
            if (!alerts.changeEvents(id, ctx.formParams("event"), actor(ctx))) {
                throw new NotFound("No such hook; it may have been removed already.");
            }
            ctx.redirect("/console/notifications", HttpStatus.SEE_OTHER);
        }, fields -> showSettings(ctx, HookForm.EMPTY, null, Map.of(id, fields.get("events"))));
    }

    /** POST /console/notifications/hooks/{id}/remove */
    public void removeHook(Context ctx) {
        if (!alerts.remove(id(ctx), actor(ctx))) {
            throw new NotFound("No such hook; it may have been removed already.");
        }
        ctx.redirect("/console/notifications", HttpStatus.SEE_OTHER);
    }

    /** POST /console/notifications/subscribers/{id}/remove */
    public void removeSubscriber(Context ctx) {
        if (!subscriptions.remove(id(ctx), actor(ctx))) {
            throw new NotFound("No such subscriber; they may have left already.");
        }
        ctx.redirect("/console/notifications", HttpStatus.SEE_OTHER);
    }

    /** GET /console/notifications/deliveries */
    public void deliveries(Context ctx) {
        List<DeliveryRow> rows = alerts.latestDeliveries(DELIVERIES_SHOWN).stream()
                .map(d -> new DeliveryRow(d.id(), d.event().key().replace('_', ' '), d.channel().key(),
                        Masks.target(d.channel(), d.target()), d.status().key(), d.attempts(), when(d.createdAt()),
                        when(d.lastAttemptAt()),
                        d.status() == DeliveryStatus.PENDING ? when(d.nextAttemptAt()) : null,
                        when(d.deliveredAt()), d.lastError()))
                .toList();
        templates.page(ctx, "notifications/deliveries.jte",
                new NotificationPages.Deliveries(frame(ctx), times.zone().getId(), rows));
    }

    private void showSettings(Context ctx, HookForm form, String newSecret) {
        showSettings(ctx, form, newSecret, Map.of());
    }

    /** hookErrors: a hook's id to what was wrong with the change of its events. */
    private void showSettings(Context ctx, HookForm form, String newSecret, Map<Long, String> hookErrors) {
        List<HookRow> hooks = alerts.hooks().stream()
                .map(h -> new HookRow(h.id(), h.kind() == Channel.SLACK ? "Slack-compatible" : "Generic webhook",
                        h.name(), Masks.url(h.url()), when(h.createdAt()),
                        h.events().stream().map(Event::key).collect(Collectors.toSet()),
                        StaffHook.CHOICES.stream().filter(h::hears).map(NotificationPages::label)
                                .collect(Collectors.joining(", "))))
                .toList();
        List<SubscriberRow> subscribers = subscriptions.active(SUBSCRIBERS_SHOWN).stream()
                .map(s -> new SubscriberRow(s.id(), s.channel().key(), Masks.target(s.channel(), s.target()),
                        s.componentIds().isEmpty() ? "all" : String.join(", ", s.componentIds()),
                        s.confirmed() ? "confirmed" : "awaiting confirmation", when(s.createdAt())))
                .toList();
        templates.page(ctx, "notifications/settings.jte", new NotificationPages.Settings(frame(ctx),
                times.zone().getId(), emailAvailable, hooks, subscribers, SUBSCRIBERS_SHOWN, form, newSecret, hookErrors));
    }

    /** Date and time to the second, with the zone: retries are seconds apart. */
    private String when(Instant at) {
        return at == null ? null : times.day(at) + ", " + times.time(at);
    }

    private Frame frame(Context ctx) {
        return Frame.of(siteName, ctx);
    }

    private static String actor(Context ctx) {
        return StaffGuard.user(ctx).actor();
    }

    private static long id(Context ctx) {
        return PathIds.id(ctx, "item");
    }
}
