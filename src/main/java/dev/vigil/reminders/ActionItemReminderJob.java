package dev.vigil.reminders;

import dev.vigil.config.ReminderPolicy;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.notifications.Channel;
import dev.vigil.notifications.Delivery;
import dev.vigil.notifications.DeliveryStore;
import dev.vigil.notifications.Event;
import dev.vigil.notifications.StaffHook;
import dev.vigil.notifications.StaffHookStore;
import dev.vigil.reminders.ReminderItem.Person;
import dev.vigil.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily action item reminders (issue 4). After the configured time of day in the site's zone,
 * each owner of unfinished items that are overdue or due soon gets one digest by mail, each
 * postmortem owner one escalation for its items overdue past the threshold, and the staff hooks
 * one summary; whatever state the postmortem or its incidents are in (only deleted ones are left
 * out), so that items due after the incident closed are not forgotten.
 *
 * <p>Each message is queued in the outbox in the same transaction as the row that records it, and
 * a row that exists already means it went: the job runs every few minutes, and a restart, a
 * misfire or a second run the same day sends nothing twice. A day missed while Vigil was down is
 * not made up; today's reminders name everything still late.
 */
public final class ActionItemReminderJob {
    private static final Logger log = LoggerFactory.getLogger(ActionItemReminderJob.class);
    /** How often the job looks: the reminders go out within this of the configured time. */
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    public static final String TASK = "action-item-reminders";

    private final Database database;
    private final ReminderQueries queries = new ReminderQueries();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final StaffHookStore hooks = new StaffHookStore();
    private final ReminderDigest digests;
    private final ReminderSummary summaries;
    private final ReminderPolicy policy;
    private final ZoneId zone;
    private final boolean mailAvailable;
    private final Clock clock;
    private final AtomicBoolean toldNoMail = new AtomicBoolean();

    /** What one run queued. */
    public record Run(int digests, int escalations, int summaries) {
        public static final Run NOTHING = new Run(0, 0, 0);
    }

    /** @param mailAvailable whether a mail server is configured; without one only the staff hooks are told */
    public ActionItemReminderJob(Database database, ReminderPolicy policy, SiteConfig site, boolean mailAvailable,
            Clock clock) {
        this.database = database;
        this.digests = new ReminderDigest(site.name(), site.url());
        this.summaries = new ReminderSummary(digests);
        this.policy = policy;
        this.zone = site.timeZone();
        this.mailAvailable = mailAvailable;
        this.clock = clock;
    }

    public void schedule(Scheduler scheduler) {
        scheduler.every(TASK, INTERVAL, Duration.ofMinutes(1), at -> run());
    }

    /** Sends what today still lacks, if the time of day has come. */
    public Run run() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(policy.time())) {
            return Run.NOTHING;
        }
        LocalDate today = local.toLocalDate();
        List<ReminderItem> due = database.read(handle -> queries.dueBy(handle, today.plusDays(policy.soonDays())));
        if (due.isEmpty()) {
            return Run.NOTHING;
        }
        Run run = new Run(mailAvailable ? sendDigests(due, today, now) : 0,
                mailAvailable ? sendEscalations(due, today, now) : 0, sendSummary(due, today, now));
        if (!mailAvailable && toldNoMail.compareAndSet(false, true)) {
            log.info("Action item reminders are not mailed: no mail server is configured. The staff hooks get the "
                    + "daily summary.");
        }
        if (!run.equals(Run.NOTHING)) {
            log.info("Action item reminders for {}: {}", today, run);
        }
        return run;
    }

    private int sendDigests(List<ReminderItem> due, LocalDate today, Instant now) {
        Map<Person, List<ReminderItem>> byOwner = group(due.stream().filter(item -> item.owner() != null).toList(),
                ReminderItem::owner);
        int sent = 0;
        for (Map.Entry<Person, List<ReminderItem>> entry : byOwner.entrySet()) {
            ReminderDigest.Message message = digests.digest(entry.getKey(), entry.getValue(), today, policy.soonDays());
            sent += queue(entry.getKey(), ReminderKind.DIGEST, entry.getValue(), message, today, now) ? 1 : 0;
        }
        return sent;
    }

    /** Items of someone else (or no one) overdue past the threshold, to the postmortem's owner. */
    private int sendEscalations(List<ReminderItem> due, LocalDate today, Instant now) {
        List<ReminderItem> late = due.stream()
                .filter(item -> item.daysOverdue(today) > policy.escalateAfterDays())
                .filter(item -> item.postmortemOwner() != null)
                // The owner of both hears of it in their digest already.
                .filter(item -> item.owner() == null || item.owner().id() != item.postmortemOwner().id())
                .toList();
        int sent = 0;
        for (Map.Entry<Person, List<ReminderItem>> entry : group(late, ReminderItem::postmortemOwner).entrySet()) {
            ReminderDigest.Message message = digests.escalation(entry.getKey(), entry.getValue(), today,
                    policy.escalateAfterDays());
            sent += queue(entry.getKey(), ReminderKind.ESCALATION, entry.getValue(), message, today, now) ? 1 : 0;
        }
        return sent;
    }

    /** One transaction: the reminder row and its mail, or neither when the row exists. */
    private boolean queue(Person to, ReminderKind kind, List<ReminderItem> items, ReminderDigest.Message message,
            LocalDate today, Instant now) {
        String key = "reminder:" + kind.key() + ":" + to.id() + ":" + today;
        List<Long> ids = items.stream().map(ReminderItem::id).toList();
        return database.write(handle -> queries.recordReminder(handle, to.id(), today, kind, now, ids)
                && deliveries.enqueue(handle, new Delivery.New(key, Channel.EMAIL, Event.ACTION_ITEM_REMINDER, null,
                        null, to.email(), message.to(to.email()).toJson()), now));
    }

    /** One summary a day to every staff hook that chose it; none while no hook did. */
    private int sendSummary(List<ReminderItem> due, LocalDate today, Instant now) {
        return database.write(handle -> {
            List<StaffHook> active = hooks.active(handle).stream()
                    .filter(hook -> hook.hears(Event.ACTION_ITEM_SUMMARY)).toList();
            if (active.isEmpty() || !queries.recordSummary(handle, today, now)) {
                return 0;
            }
            for (StaffHook hook : active) {
                String key = "reminder:summary:" + today + ":hook:" + hook.id();
                String payload = hook.kind() == Channel.SLACK ? summaries.slack(due, today, policy.soonDays())
                        : summaries.webhook(due, today, policy.soonDays(), now, key);
                deliveries.enqueue(handle, new Delivery.New(key, hook.kind(), Event.ACTION_ITEM_SUMMARY, null,
                        hook.id(), hook.url(), payload), now);
            }
            return 1;
        });
    }

    private static <K> Map<K, List<ReminderItem>> group(List<ReminderItem> items, Function<ReminderItem, K> by) {
        Map<K, List<ReminderItem>> groups = new LinkedHashMap<>();
        for (ReminderItem item : items) {
            groups.computeIfAbsent(by.apply(item), key -> new ArrayList<>()).add(item);
        }
        return groups;
    }
}
