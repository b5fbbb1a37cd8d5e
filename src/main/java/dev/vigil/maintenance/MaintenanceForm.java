package dev.vigil.maintenance;

import dev.vigil.errors.InvalidInput;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The new-window form as typed, and its checks. Times are datetime-local values (2026-12-06T02:00,
 * seconds optional) read in the site's time zone; in the hour repeated when clocks go back, the
 * earlier of the two is meant.
 *
 * @param components the ids of the ticked components
 * @param rrule empty for a one-off window
 */
public record MaintenanceForm(String name, String description, List<String> components, String start, String end,
        String rrule) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 10_000;

    public MaintenanceForm {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        components = components == null ? List.of() : List.copyOf(components);
        start = start == null ? "" : start;
        end = end == null ? "" : end;
        rrule = rrule == null ? "" : rrule;
    }

    public static MaintenanceForm empty() {
        return new MaintenanceForm("", "", List.of(), "", "", "");
    }

    /**
     * The window this form describes.
     *
     * @param knownComponents the ids of the components that exist now
     * @throws InvalidInput naming every field to correct
     */
    public NewMaintenance check(ZoneId zone, Instant now, Set<String> knownComponents) {
        return check(zone, now, knownComponents, (value, field, problems) -> localTime(value, zone, field, problems));
    }

    /**
     * As {@link #check}, with start and end as ISO-8601 times with an offset (2026-12-06T02:00:00Z),
     * as the admin API takes them: a script should not have to know the site's time zone.
     */
    public NewMaintenance checkWithOffsets(ZoneId zone, Instant now, Set<String> knownComponents) {
        return check(zone, now, knownComponents, MaintenanceForm::offsetTime);
    }

    /** Reads one time field; null (and a problem noted) when it cannot be read. */
    private interface TimeReader {
        Instant read(String value, String field, InvalidInput.Collector problems);
    }

    private NewMaintenance check(ZoneId zone, Instant now, Set<String> knownComponents, TimeReader times) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String trimmedName = name.trim();
        problems.check(!trimmedName.isEmpty() && trimmedName.length() <= MAX_NAME, "name",
                "Enter a name of 1 to " + MAX_NAME + " characters.");
        problems.check(description.length() <= MAX_DESCRIPTION, "description",
                "Keep the description to " + MAX_DESCRIPTION + " characters.");
        Set<String> ticked = new LinkedHashSet<>(components);
        problems.check(!ticked.isEmpty(), "components", "Choose at least one component.");
        problems.check(knownComponents.containsAll(ticked), "components",
                "One of the chosen components no longer exists. Reload the form and choose again.");
        Instant from = times.read(start, "start", problems);
        Instant until = times.read(end, "end", problems);
        if (from != null) {
            // The form has minutes, so a window "starting now" began up to a minute ago.
            problems.check(!from.isBefore(now.truncatedTo(ChronoUnit.MINUTES)), "start",
                    "Start at the current minute or later; a window cannot begin in the past.");
        }
        if (from != null && until != null) {
            problems.check(until.isAfter(from), "end", "End after the start.");
        }
        String rule = checkedRule(from, until, zone, problems);
        problems.throwIfAny();
        return new NewMaintenance(trimmedName, description.strip(), new ArrayList<>(ticked), from, until, rule);
    }

    private String checkedRule(Instant from, Instant until, ZoneId zone, InvalidInput.Collector problems) {
        if (rrule.isBlank()) {
            return null;
        }
        try {
            Recurrence recurrence = Recurrence.parse(rrule);
            if (from != null && until != null && until.isAfter(from)) {
                recurrence.checkFirstWindow(from, Duration.between(from, until), zone);
            }
            return recurrence.toString();
        } catch (IllegalArgumentException e) {
            problems.check(false, "rrule", e.getMessage());
            return null;
        }
    }

    private static Instant offsetTime(String value, String field, InvalidInput.Collector problems) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            problems.check(false, field, "Enter a date and time with its offset, such as 2026-12-06T02:00:00Z "
                    + "or 2026-12-06T02:00:00-08:00.");
            return null;
        }
    }

    private static Instant localTime(String value, ZoneId zone, String field, InvalidInput.Collector problems) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value.trim());
        } catch (DateTimeException e) {
            problems.check(false, field, "Enter a date and time such as 2026-12-06T02:00.");
            return null;
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            problems.check(false, field, "That time does not exist in " + zone.getId()
                    + ": the clocks skip it. Choose a time outside the change.");
            return null;
        }
        return local.atZone(zone).toInstant();
    }
}
