package dev.vigil.actionitems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action item of a postmortem, as stored, with its postmortem's title and severity and its
 * owner's name for display.
 *
 * @param ownerId null only for rows written outside this feature
 * @param dueOn a day in the site's time zone
 * @param wontDoReason set only while the status is won't do
 * @param completedAt when it was last closed (done or won't do); null while it is not
 * @param version the compare-and-set guard: every change adds one
 */
public record ActionItem(long id, long postmortemId, String postmortemTitle, String severity, String title,
        String description, Long ownerId, String ownerName, ItemKind kind, Priority priority, LocalDate dueOn,
        ItemStatus status, String wontDoReason, String trackerUrl, ItemSource source, boolean isPublic,
        Instant createdAt, String createdBy, Instant updatedAt, Instant completedAt, long version) {

    /** Not closed and due before today. */
    public boolean overdue(LocalDate today) {
        return !status.closed() && dueOn.isBefore(today);
    }

    /** The fields the history records, as text; owner by name so that the history reads by itself. */
    public Map<String, String> historyFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", description);
        fields.put("owner", ownerName);
        fields.put("kind", kind.key());
        fields.put("priority", priority.key());
        fields.put("due_on", dueOn.toString());
        fields.put("status", status.key());
        fields.put("wont_do_reason", wontDoReason);
        fields.put("tracker_url", trackerUrl);
        fields.put("source", source.key());
        fields.put("public", Boolean.toString(isPublic));
        fields.put("completed_at", completedAt == null ? null : completedAt.toString());
        return fields;
    }

    /** The same item with the given fields; the stored columns that follow from them are left to the service. */
    ActionItem with(ItemFields fields, String newOwnerName) {
        return new ActionItem(id, postmortemId, postmortemTitle, severity, fields.title(), fields.description(),
                fields.ownerId(), newOwnerName, fields.kind(), fields.priority(), fields.dueOn(), status, wontDoReason,
                fields.trackerUrl(), fields.source(), fields.isPublic(), createdAt, createdBy, updatedAt, completedAt,
                version);
    }

    ActionItem withStatus(ItemStatus newStatus, String reason, Instant newCompletedAt) {
        return new ActionItem(id, postmortemId, postmortemTitle, severity, title, description, ownerId, ownerName, kind,
                priority, dueOn, newStatus, reason, trackerUrl, source, isPublic, createdAt, createdBy, updatedAt,
                newCompletedAt, version);
    }
}
