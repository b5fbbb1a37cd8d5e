package dev.vigil.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a maintenance window stands, with the Statuspage API names, and the rule that moves it
 * by the clock alone: scheduled before its start, in progress from its start, verifying for the
 * final tenth of the window (the time to check that everything works again), completed at its end.
 * A tenth, not a fixed period, so that a 20-minute window and a 6-hour one both get a verify phase
 * of sensible length without a setting. Staff may only cancel, which completes the window at once.
 */
public enum MaintenanceStatus {
    SCHEDULED("Scheduled"),
    IN_PROGRESS("In progress"),
    VERIFYING("Verifying"),
    COMPLETED("Completed");

    static final int VERIFY_SHARE_DIVISOR = 10;

    private final String label;

    MaintenanceStatus(String label) {
        this.label = label;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** In progress or verifying: the window's components are under maintenance. */
    public boolean isActive() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    public static MaintenanceStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The status a window from start to end should have at the given moment. */
    public static MaintenanceStatus due(Instant start, Instant end, Instant at) {
        if (at.isBefore(start)) {
            return SCHEDULED;
        }
        if (!at.isBefore(end)) {
            return COMPLETED;
        }
        return at.isBefore(verifyingFrom(start, end)) ? IN_PROGRESS : VERIFYING;
    }

    /** When verifying begins: the start of the window's final tenth. */
    public static Instant verifyingFrom(Instant start, Instant end) {
        return end.minus(Duration.between(start, end).dividedBy(VERIFY_SHARE_DIVISOR));
    }

    /** The status after this one, if any; the job moves a window one step at a time. */
    public Optional<MaintenanceStatus> next() {
        return this == COMPLETED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** When a window from start to end enters this status by the clock. A window is created scheduled. */
    public Instant entersAt(Instant start, Instant end) {
        return switch (this) {
            case SCHEDULED -> throw new IllegalStateException("a window is created scheduled, never moved there");
            case IN_PROGRESS -> start;
            case VERIFYING -> verifyingFrom(start, end);
            case COMPLETED -> end;
        };
    }
}
