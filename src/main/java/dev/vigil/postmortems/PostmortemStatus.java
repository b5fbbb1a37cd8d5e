package dev.vigil.postmortems;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a postmortem is in its life. This package creates drafts; the review workflow (issue 4,
 * PostmortemWorkflow) moves them on.
 */
public enum PostmortemStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    PUBLISHED("Published"),
    COMPLETE("Complete");

    private final String label;

    PostmortemStatus(String label) {
        this.label = label;
    }

    /** The stored name: draft, in_review, approved, published, complete. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<PostmortemStatus> parse(String key) {
        for (PostmortemStatus status : values()) {
            if (status.key().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public static PostmortemStatus of(String key) {
        return parse(key).orElseThrow(() -> new IllegalStateException("unknown postmortem status " + key));
    }
}
