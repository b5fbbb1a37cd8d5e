package dev.vigil.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An unfinished action item that is overdue or due soon, as the reminder job reads it.
 *
 * @param owner who it is assigned to; null when nobody is, or the owner's account is disabled
 * @param postmortemOwner the postmortem's owner, who hears of long-overdue items; null as for owner
 */
record ReminderItem(long id, String title, String priority, LocalDate dueOn, long postmortemId,
        String postmortemTitle, Person owner, Person postmortemOwner) {

    /** A staff member a reminder goes to. */
    record Person(long id, String name, String email) {}

    /** Days past its due date: positive when overdue, 0 on the day, negative while still ahead. */
    long daysOverdue(LocalDate today) {
        return ChronoUnit.DAYS.between(dueOn, today);
    }

    boolean overdue(LocalDate today) {
        return daysOverdue(today) > 0;
    }
}
