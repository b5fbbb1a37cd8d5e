package dev.vigil.config;

import java.time.LocalTime;

/**
 * When action item reminders go out (issue 4): once a day after a local time of day in the
 * site's zone, naming each owner's overdue items and those due within soonDays; items overdue by
 * more than escalateAfterDays are also sent to their postmortem's owner.
 */
public record ReminderPolicy(LocalTime time, int soonDays, int escalateAfterDays) {
    public static final ReminderPolicy DEFAULT = new ReminderPolicy(LocalTime.of(9, 0), 3, 7);
}
