package dev.vigil.notifications;

import java.util.Locale;

/** What a delivery tells its recipient. */
public enum Event {
    /** The double opt-in mail with its one-time link. */
    CONFIRMATION,
    INCIDENT_UPDATE,
    COMPONENT_UPDATE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Event fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
