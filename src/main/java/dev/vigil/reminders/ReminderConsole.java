package dev.vigil.reminders;

import dev.vigil.config.ReminderPolicy;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.db.Database;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GET /console/action-items/reminders: who was reminded of what in the last days, and when (issue 4). */
public final class ReminderConsole {
    static final int DAYS_SHOWN = 30;

    private final Database database;
    private final ReminderQueries queries = new ReminderQueries();
    private final ReminderPolicy policy;
    private final boolean mailAvailable;
    private final Templates templates;
    private final TimeFormat times;
    private final String siteName;
    private final Clock clock;

    public ReminderConsole(Database database, ReminderPolicy policy, boolean mailAvailable, Templates templates,
            TimeFormat times, String siteName, Clock clock) {
        this.database = database;
        this.policy = policy;
        this.mailAvailable = mailAvailable;
        this.templates = templates;
        this.times = times;
        this.siteName = siteName;
        this.clock = clock;
    }

    public void log(Context ctx) {
        LocalDate since = clock.instant().atZone(times.zone()).toLocalDate().minusDays(DAYS_SHOWN - 1);
        List<ReminderPages.Row> rows = new ArrayList<>();
        database.read(handle -> {
            queries.remindersSince(handle, since).forEach(sent -> rows.add(new ReminderPages.Row(sent.day().toString(),
                    ReminderDigest.day(sent.day()), sent.to().name() + " <" + sent.to().email() + ">",
                    sent.kind().key(), times.dateTime(sent.sentAt()), sent.itemIds())));
            queries.summariesSince(handle, since).forEach(sent -> rows.add(new ReminderPages.Row(sent.day().toString(),
                    ReminderDigest.day(sent.day()), "Staff alert hooks", "summary", times.dateTime(sent.sentAt()),
                    null)));
            return null;
        });
        rows.sort(Comparator.comparing(ReminderPages.Row::isoDay).reversed());
        templates.page(ctx, "reminders/log.jte", new ReminderPages.Log(
                Frame.of(siteName, ctx), times.zone().getId(), policy.time().toString(),
                policy.soonDays(), policy.escalateAfterDays(), mailAvailable, DAYS_SHOWN, rows));
    }
}
