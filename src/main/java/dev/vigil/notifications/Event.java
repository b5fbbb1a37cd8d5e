package dev.vigil.notifications;

import java.util.Locale;

/** What a delivery tells its recipient. */
public enum Event {
    /** The double opt-in mail with its one-time link. */
    CONFIRMATION,
    INCIDENT_UPDATE,
    COMPONENT_UPDATE,
    /** An incident's customer notice (its report), published for the first time or again after edits. */
    NOTICE_PUBLISHED,
    /** A staff member's invitation or password reset link. */
    ACCOUNT_LINK,
    /** A staff member's daily digest of their overdue and soon-due action items, or an escalation (issue 4). */
    ACTION_ITEM_REMINDER,
    /** The daily count of overdue and soon-due action items, to the staff hooks (issue 4). */
    ACTION_ITEM_SUMMARY;

    /** Whether the message holds a one-time link, which is not kept once it is sent or given up. */
    public boolean carriesOneTimeLink() {
        return this == CONFIRMATION || this == ACCOUNT_LINK;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Event fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
