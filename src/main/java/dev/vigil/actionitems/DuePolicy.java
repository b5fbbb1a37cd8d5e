package dev.vigil.actionitems;

import dev.vigil.config.PostmortemConfig;
import java.time.LocalDate;
import java.util.Map;

/**
 * The default due date of a new action item: so many days after today by the postmortem's
 * severity (postmortems.due_days in the configuration). An unknown severity gets the mildest's days.
 */
public final class DuePolicy {
    private final Map<String, Integer> days;

    public DuePolicy(PostmortemConfig config) {
        this.days = config.dueDays();
    }

    public int daysFor(String severity) {
        Integer forSeverity = days.get(severity);
        return forSeverity != null ? forSeverity
                : days.getOrDefault("sev4", PostmortemConfig.DEFAULT_DUE_DAYS.get("sev4"));
    }

    /** today is the day in the site's time zone. */
    public LocalDate dueOn(String severity, LocalDate today) {
        return today.plusDays(daysFor(severity));
    }
}
