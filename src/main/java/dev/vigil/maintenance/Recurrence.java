package dev.vigil.maintenance;

import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RFC 5545 recurrence rule (the RRULE of iCalendar, e.g. FREQ=WEEKLY;BYDAY=SU;COUNT=10),
 * read strictly and expanded in the site's time zone, so that "Sundays at 02:00" stays at 02:00
 * local time across daylight saving changes. lib-recur does the calendar arithmetic.
 *
 * <p>A series' first window is the one staff entered, and it must be the rule's first occurrence:
 * RFC 5545 counts the start as an occurrence even when the rule does not match it, lib-recur does
 * not, and asking for a matching start removes the doubt about what COUNT=10 means.
 */
public final class Recurrence {
    public static final int MAX_LENGTH = 500;
    /** Windows of one series start at least this far apart; it also bounds the work of expanding a rule. */
    public static final Duration MIN_GAP = Duration.ofHours(1);
    private static final int WINDOWS_CHECKED = 10;
    static final String EXAMPLE = "FREQ=WEEKLY;BYDAY=SU;COUNT=10";

    private final RecurrenceRule rule;

    private Recurrence(RecurrenceRule rule) {
        this.rule = rule;
    }

    /**
     * Reads a rule, with or without the "RRULE:" prefix.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static Recurrence parse(String text) {
        String trimmed = text.trim();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            trimmed = trimmed.substring("RRULE:".length());
        }
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Enter a rule of at most " + MAX_LENGTH + " characters, such as "
                    + EXAMPLE + ".");
        }
        try {
            return new Recurrence(new RecurrenceRule(trimmed, RecurrenceRule.RfcMode.RFC5545_STRICT));
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("This is not an RFC 5545 rule (" + e.getMessage() + "). Write it like "
                    + EXAMPLE + ".");
        }
    }

    /** The rule as RFC 5545 writes it, as it is stored. */
    @Override
    public String toString() {
        return rule.toString();
    }

    /**
     * Checks that a series whose first window starts at start and lasts length is usable: the start
     * is the rule's first occurrence, and windows neither overlap nor follow each other within an hour.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public void checkFirstWindow(Instant start, Duration length, ZoneId zone) {
        List<Instant> starts = starts(start, zone, start, Instant.MAX, WINDOWS_CHECKED);
        TimeFormat times = new TimeFormat(zone);
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("This rule has no windows from the start you entered.");
        }
        if (!starts.get(0).equals(start)) {
            throw new IllegalArgumentException("The start you entered (" + times.dateTime(start)
                    + ") is not a day and time of this rule, whose first window would be " + times.dateTime(starts.get(0))
                    + ". Make the start the first window of the series.");
        }
        Duration needed = length.compareTo(MIN_GAP) > 0 ? length : MIN_GAP;
        for (int i = 1; i < starts.size(); i++) {
            Duration gap = Duration.between(starts.get(i - 1), starts.get(i));
            if (gap.compareTo(needed) < 0) {
                throw new IllegalArgumentException("Windows of this rule would start only " + TimeFormat.duration(gap)
                        + " apart; each must end before the next starts, and a series repeats at most hourly.");
            }
        }
    }

    /**
     * The starts of the series' windows that begin at or after from and before until, in order, at
     * most limit of them. first is the series' first start (RFC 5545's DTSTART).
     *
     * @throws IllegalArgumentException when the rule cannot be expanded from that start
     */
    public List<Instant> starts(Instant first, ZoneId zone, Instant from, Instant until, int limit) {
        List<Instant> starts = new ArrayList<>();
        try {
            RecurrenceRuleIterator iterator = rule.iterator(new DateTime(TimeZone.getTimeZone(zone), first.toEpochMilli()));
            if (from.isAfter(first)) {
                iterator.fastForward(from.toEpochMilli());
            }
            while (starts.size() < limit && iterator.hasNext()) {
                Instant next = Instant.ofEpochMilli(iterator.nextMillis());
                if (!next.isBefore(until)) {
                    break;
                }
                if (!next.isBefore(from)) {
                    starts.add(next);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // lib-recur finds some faults only while expanding: an UNTIL that is a date while the start has a
            // time, or a rule that matches (almost) no day such as BYMONTH=2;BYMONTHDAY=30.
            String hint = String.valueOf(e.getMessage()).contains("allday")
                    ? "An UNTIL must be a UTC date and time such as 20261231T235959Z."
                    : "Check that the rule matches real days.";
            throw new IllegalArgumentException("This rule cannot be expanded from the start you entered (" + e.getMessage()
                    + "). " + hint);
        }
        return starts;
    }
}
