package dev.vigil.notifications;

import java.util.Locale;

/** How a delivery travels. */
public enum Channel {
    EMAIL,
    /** A signed POST of the Statuspage-shaped JSON envelope. */
    WEBHOOK,
    /** A POST of {"text": ...} to a Slack-compatible incoming webhook. */
    SLACK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
