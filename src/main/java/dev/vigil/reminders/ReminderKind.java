package dev.vigil.reminders;

import java.util.Locale;

/** Which reminder a staff member got on a day: at most one of each. */
enum ReminderKind {
    /** Their own overdue and soon-due items. */
    DIGEST,
    /** Items on a postmortem they own that are overdue past the threshold. */
    ESCALATION;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReminderKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
