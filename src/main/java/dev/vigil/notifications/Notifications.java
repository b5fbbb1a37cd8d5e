package dev.vigil.notifications;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.FormTokens;
import dev.vigil.accounts.LinkSender;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.NotificationConfig;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.schedule.Scheduler;
import dev.vigil.statuspage.StatusApi;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The notifications feature put together: the history job that queues deliveries, the sender
 * that works through them, and the public and console pages. Vigil builds one and schedules it.
 */
public final class Notifications implements AutoCloseable {
    /** How often new history is looked for, and due deliveries: notices go out within a few seconds. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final HistoryNotifier notifier;
    private final DeliverySender sender;
    private final SubscribeHandlers publicHandlers;
    private final NotificationConsole console;
    private final Subscriptions subscriptions;
    private final LinksByMail linksByMail;

    /** The parts the feature needs from the rest of Vigil. */
    public record Parts(Database database, SiteConfig site, NotificationConfig config, StatusApi api,
            IncidentStore incidents, ComponentStore components, AuditLog audit, SecretTokens tokens,
            FormTokens formTokens, Templates templates, TimeFormat times, Clock clock) {}

    public Notifications(Parts parts, Backoff backoff) {
        Database database = parts.database();
        Links links = new Links(parts.site().url());
        MailNotices mail = new MailNotices(parts.site().name(), links, parts.times());
        WebhookNotices webhooks = new WebhookNotices(parts.api(), links, parts.times(), parts.site().name());
        SubscriberStore subscribers = new SubscriberStore();
        StaffHookStore hooks = new StaffHookStore();
        DeliveryStore deliveries = new DeliveryStore();
        WebhookAddresses addresses = new WebhookAddresses(parts.config().allowPrivateWebhooks());
        boolean email = parts.config().hasSmtp();
        this.notifier = new HistoryNotifier(database, parts.incidents(), parts.components(), subscribers, hooks,
                deliveries, mail, webhooks, links, email, parts.clock());
        this.sender = new DeliverySender(database, deliveries, email ? new MailSender(parts.config().smtp(),
                links.host()) : null, new WebhookPoster(), addresses, backoff, parts.clock());
        this.subscriptions = new Subscriptions(database, subscribers, deliveries, parts.components(), mail,
                parts.tokens(), addresses, parts.audit(), email, parts.clock());
        this.linksByMail = email ? new LinksByMail(deliveries, parts.site().name(), parts.times(),
                parts.clock()) : null;
        StaffAlerts alerts = new StaffAlerts(database, hooks, deliveries, parts.tokens(), parts.audit(), parts.clock());
        this.publicHandlers = new SubscribeHandlers(subscriptions, parts.formTokens(), parts.templates(), links,
                parts.site().name());
        this.console = new NotificationConsole(subscriptions, alerts, parts.templates(), parts.times(),
                parts.site().name(), email);
    }

    /** Starts the history cursors on a store that has none; call after demo history is seeded, before the jobs run. */
    public void startCursorsIfNew() {
        notifier.startIfNew();
    }

    public void schedule(Scheduler scheduler) {
        scheduler.every("notifications-queue", POLL, POLL, at -> notifier.run());
        scheduler.every("notifications-send", POLL, POLL.plusSeconds(1), at -> sender.run());
    }

    public SubscribeHandlers publicHandlers() {
        return publicHandlers;
    }

    public NotificationConsole console() {
        return console;
    }

    /** Mails invitation and reset links; empty when no mail server is configured. */
    public Optional<LinkSender> linksByMail() {
        return Optional.ofNullable(linksByMail);
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Stops the sender's threads; call after the scheduler stopped, so no send is cut short. */
    @Override
    public void close() {
        sender.close();
    }
}
