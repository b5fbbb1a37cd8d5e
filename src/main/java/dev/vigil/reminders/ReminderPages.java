package dev.vigil.reminders;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;

/** Models of the reminder log page. */
public final class ReminderPages {
    private ReminderPages() {}

    /** The policy in force and the reminders of the last days, newest first. */
    public record Log(Frame frame, String zone, String time, int soonDays, int escalateAfterDays,
            boolean mailAvailable, int days, List<Row> rows) {}

    /**
     * One reminder sent.
     *
     * @param kind digest, escalation or summary
     * @param itemIds the items it named; null for the staff-hook summary, which does not keep them
     */
    public record Row(String isoDay, String day, String who, String kind, String sentAt, List<Long> itemIds) {}
}
