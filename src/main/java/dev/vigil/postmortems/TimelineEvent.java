package dev.vigil.postmortems;

import java.time.Instant;

/**
 * One event of a postmortem's timeline. sourceRef names the recorded row it was built from
 * ("outage:7:start", "update:31"), or is null for an event staff added (kind note).
 */
public record TimelineEvent(long id, long postmortemId, Instant at, String kind, String sourceRef, String title,
        String detail, boolean hidden, boolean pinned, String annotation, Instant createdAt, String createdBy) {

    /** An event not yet stored. */
    public record New(Instant at, String kind, String sourceRef, String title, String detail) {}
}
