package dev.vigil.postmortems;

import java.time.Instant;

/** One postmortem's row. ownerId is null when nobody owns it; the times may be null (not known yet). */
public record Postmortem(long id, String title, Severity severity, PostmortemStatus status, Long ownerId,
        String ownerName, Instant startedAt, Instant detectedAt, Instant endedAt, String publicDraft,
        Instant createdAt, String createdBy, Instant updatedAt, long version) {

    public PostmortemFigures figures() {
        return new PostmortemFigures(startedAt, detectedAt, endedAt);
    }
}
