package dev.vigil.notifications;

import java.util.Locale;

/** Where a delivery is in its life: pending and sending come back round until it ends in one of the others. */
enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Claimed by the sender; if the claim lapses (Vigil stopped mid-attempt) it is taken again. */
    SENDING,
    DELIVERED,
    /** Every attempt failed. */
    FAILED,
    /** Its recipient left or was removed before it went out. */
    CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
