package dev.vigil.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the reminders block; every key may be left out and takes its default. */
final class ReminderReader {
    private static final List<String> KEYS = List.of("time", "soon_days", "escalate_after_days");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    static final int MAX_SOON_DAYS = 60;
    static final int MAX_ESCALATE_AFTER_DAYS = 365;

    private ReminderReader() {}

    static ReminderPolicy read(Section root) {
        ReminderPolicy defaults = ReminderPolicy.DEFAULT;
        return root.mapping("reminders", KEYS).map(section -> new ReminderPolicy(
                time(section).orElse(defaults.time()),
                section.wholeNumber("soon_days", defaults.soonDays(), 0, MAX_SOON_DAYS),
                section.wholeNumber("escalate_after_days", defaults.escalateAfterDays(), 1, MAX_ESCALATE_AFTER_DAYS)))
                .orElse(defaults);
    }

    /** "09:00" or "9:00", 24-hour; a bare number (time: 9) is refused rather than guessed at. */
    private static Optional<LocalTime> time(Section section) {
        Object value = section.raw("time");
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = value instanceof String text ? TIME.matcher(text.strip()) : null;
        if (matcher == null || !matcher.matches()) {
            section.reject("time", "must be a time of day from \"00:00\" to \"23:59\", such as \"09:00\"");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
}
