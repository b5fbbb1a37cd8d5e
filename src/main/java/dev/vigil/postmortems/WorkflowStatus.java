package dev.vigil.postmortems;

import java.util.Locale;
import java.util.Optional;

/** Where a postmortem is in its review: the steps in order, as stored in postmortems.status. */
public enum WorkflowStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    PUBLISHED("Published"),
    COMPLETE("Complete");

    private final String label;

    WorkflowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored name: draft, in_review, approved, published, complete. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkflowStatus> parse(String key) {
        for (WorkflowStatus status : values()) {
            if (status.key().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public static WorkflowStatus of(String key) {
        return parse(key).orElseThrow(() -> new IllegalStateException("unknown postmortem status " + key));
    }
}
