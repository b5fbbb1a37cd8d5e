package dev.vigil.actionitems;

import dev.vigil.errors.InvalidInput;
import java.time.Instant;

/**
 * The workflow of an item's status: any status may follow any other, but won't do needs a reason,
 * closing (done, won't do) sets completed_at and reopening clears it. The reason is kept only while
 * the item is won't do.
 */
public final class StatusRules {
    public static final int MAX_REASON = 2_000;

    private StatusRules() {}

    /**
     * The item moved to the status (given as its key).
     *
     * @throws InvalidInput for an unknown status, or won't do without a reason
     */
    public static ActionItem apply(ActionItem item, String statusKey, String reason, Instant now) {
        ItemStatus to = ItemStatus.parse(statusKey == null ? "" : statusKey.strip()).orElseThrow(() -> InvalidInput.of(
                "status", "Choose one of " + String.join(", ", ItemStatus.keys()) + "."));
        String cleanReason = reason == null ? "" : reason.strip();
        if (to == ItemStatus.WONT_DO) {
            if (cleanReason.isEmpty()) {
                throw InvalidInput.of("wont_do_reason",
                        "Say why this will not be done; the reason stays with the item for the next review.");
            }
            if (cleanReason.length() > MAX_REASON) {
                throw InvalidInput.of("wont_do_reason", "Keep the reason to " + MAX_REASON + " characters.");
            }
        }
        if (to == item.status() && to != ItemStatus.WONT_DO) {
            return item;
        }
        Instant completedAt = !to.closed() ? null : to == item.status() ? item.completedAt() : now;
        return item.withStatus(to, to == ItemStatus.WONT_DO ? cleanReason : null, completedAt);
    }
}
