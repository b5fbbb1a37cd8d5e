package dev.vigil.reminders;

import dev.vigil.notifications.OutgoingMail;
import dev.vigil.reminders.ReminderItem.Person;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The words of the reminder mails (issue 4): an owner's digest of overdue and soon-due items, and
 * the escalation to a postmortem's owner. Plain text with an HTML alternative in which every text
 * from people is escaped. Pure: the same items on the same day make the same mail.
 */
final class ReminderDigest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final String siteName;
    private final String base;

    ReminderDigest(String siteName, String siteUrl) {
        this.siteName = siteName;
        this.base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** A message ready for the outbox, before it is addressed. */
    record Message(String subject, String text, String html) {
        OutgoingMail to(String address) {
            return new OutgoingMail(address, subject, text, null, html);
        }
    }

    /** One owner's digest; items are theirs, overdue or due within soonDays. */
    Message digest(Person owner, List<ReminderItem> items, LocalDate today, int soonDays) {
        List<ReminderItem> overdue = items.stream().filter(item -> item.overdue(today)).toList();
        List<ReminderItem> soon = items.stream().filter(item -> !item.overdue(today)).toList();
        String subject = subject(overdue.isEmpty() ? plural(soon.size(), "action item") + " due soon"
                : plural(overdue.size(), "action item") + " overdue" + (soon.isEmpty() ? "" : ", " + soon.size() + " due soon"));
        String intro = "these action items of yours need attention (" + day(today) + ").";
        String footer = "You get this mail once a day while you own unfinished action items that are overdue or due "
                + "within " + plural(soonDays, "day") + ".";
        Function<ReminderItem, String> detail = item -> "Postmortem: " + item.postmortemTitle();
        return new Message(subject,
                text(owner, intro, List.of(new Section("Overdue", overdue), new Section("Due soon", soon)), detail,
                        today, footer),
                html(owner, intro, List.of(new Section("Overdue", overdue), new Section("Due soon", soon)), detail,
                        today, footer));
    }

    /** To a postmortem's owner: its items overdue by more than escalateAfterDays, whoever owns them. */
    Message escalation(Person postmortemOwner, List<ReminderItem> items, LocalDate today, int escalateAfterDays) {
        String subject = subject(plural(items.size(), "action item") + " overdue by more than "
                + plural(escalateAfterDays, "day"));
        String intro = "these action items of postmortems you own are overdue by more than "
                + plural(escalateAfterDays, "day") + " (" + day(today) + ").";
        String footer = "You get this mail once a day while action items of your postmortems are this late. "
                + "Their owners get their own reminders.";
        Function<ReminderItem, String> detail = item -> "Postmortem: " + item.postmortemTitle() + " · Owner: "
                + (item.owner() == null ? "nobody" : item.owner().name());
        List<Section> sections = List.of(new Section("Long overdue", items));
        return new Message(subject, text(postmortemOwner, intro, sections, detail, today, footer),
                html(postmortemOwner, intro, sections, detail, today, footer));
    }

    /** "overdue by 4 days", "due today", "due in 1 day". */
    static String when(ReminderItem item, LocalDate today) {
        long late = item.daysOverdue(today);
        if (late > 0) {
            return "overdue by " + plural(late, "day");
        }
        return late == 0 ? "due today" : "due in " + plural(-late, "day");
    }

    /** "Jan 14, 2026". */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    String link(ReminderItem item) {
        return base + "/console/action-items/" + item.id();
    }

    private record Section(String heading, List<ReminderItem> items) {}

    private String text(Person to, String intro, List<Section> sections, Function<ReminderItem, String> detail,
            LocalDate today, String footer) {
        StringBuilder text = new StringBuilder("Hello ").append(to.name()).append(",\n\n").append(intro).append('\n');
        for (Section section : sections) {
            if (section.items().isEmpty()) {
                continue;
            }
            text.append('\n').append(section.heading()).append('\n');
            for (ReminderItem item : section.items()) {
                text.append("- ").append(item.title()).append(" (").append(item.priority()).append(")\n")
                        .append("  ").append(detail.apply(item)).append('\n')
                        .append("  Due ").append(day(item.dueOn())).append(", ").append(when(item, today)).append('\n')
                        .append("  ").append(link(item)).append('\n');
            }
        }
        return text.append("\n-- \n").append(footer).append('\n').append(siteName).append('\n').toString();
    }

    private String html(Person to, String intro, List<Section> sections, Function<ReminderItem, String> detail,
            LocalDate today, String footer) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n<p>Hello ").append(escape(to.name()))
                .append(",</p>\n<p>").append(escape(intro)).append("</p>\n");
        for (Section section : sections) {
            if (section.items().isEmpty()) {
                continue;
            }
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n<ul>\n");
            for (ReminderItem item : section.items()) {
                html.append("<li><a href=\"").append(escape(link(item))).append("\">").append(escape(item.title()))
                        .append("</a> (").append(escape(item.priority())).append(")<br>")
                        .append(escape(detail.apply(item))).append("<br>Due ").append(escape(day(item.dueOn())))
                        .append(", <strong>").append(escape(when(item, today))).append("</strong></li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("<p><small>").append(escape(footer)).append("<br>").append(escape(siteName))
                .append("</small></p>\n</body></html>\n").toString();
    }

    /** A line break in a header would start a new header. */
    private String subject(String what) {
        return ("[" + siteName + "] " + what).replaceAll("[\\r\\n]+", " ");
    }

    static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
