package dev.vigil.postmortems;

import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.errors.NotFound;
import dev.vigil.postmortems.PostmortemWorkflow.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the admin API (issue 4) reads of postmortems and does to their status, on the same
 * services as the console. An API token has no user, so it is never a named reviewer: approving
 * and requesting changes stay in the console.
 */
record PostmortemAutomation(Database database, PostmortemStore store, TimelineStore timeline, ReviewStore reviewStore,
        Reviews reviews, PublicPostmortems publicVersions) {

    /** A postmortem with the review and public-version facts the write-up page does not carry. */
    public record Overview(Postmortem postmortem, List<Long> incidentIds, List<String> componentIds, int openItems,
            int closedItems, Instant publicPublishedAt) {}

    /** An overview plus everything a single postmortem's answer holds. */
    public record Full(Overview overview, List<PostmortemStore.Section> sections, List<TimelineEvent> timeline,
            List<String> tags, List<Reviewer> reviewers, String publicBody) {}

    public record Reviewer(long userId, String name, Instant approvedAt) {}

    /** Postmortems not deleted, newest first; status null means all. One read transaction. */
    public List<Overview> list(PostmortemStatus status, int limit) {
        return database.read(handle -> {
            List<Overview> overviews = new ArrayList<>();
            for (PostmortemStore.ListRow row : store.list(handle, status, limit)) {
                store.find(handle, row.id()).ifPresent(p -> overviews.add(overview(handle, p)));
            }
            return overviews;
        });
    }

    /** One postmortem with its sections, timeline, tags, reviewers and public text; 404 when there is none. */
    public Full one(long id) {
        return database.read(handle -> {
            Postmortem postmortem = store.find(handle, id)
                    .orElseThrow(() -> new NotFound("There is no postmortem with the id \"" + id + "\"."));
            List<Reviewer> named = reviewStore.reviewers(handle, id).stream()
                    .map(r -> new Reviewer(r.userId(), r.name(), r.approvedAt())).toList();
            String publicBody = reviewStore.find(handle, id).map(ReviewStore.Header::publicBody).orElse(null);
            return new Full(overview(handle, postmortem), store.sections(handle, id), timeline.events(handle, id),
                    store.tags(handle, id), named, publicBody);
        });
    }

    /**
     * Applies submit, publish or complete as the actor, if the workflow allows it at the version
     * given: a refusal is an InvalidInput on "status" with the workflow's reason, a stale version
     * an {@link EditConflict}; either way nothing changes.
     */
    public void apply(Actor actor, long id, long version, Action action) {
        switch (action) {
            case SUBMIT -> reviews.submit(actor, id, version);
            case PUBLISH -> publicVersions.publish(actor, id, version);
            case COMPLETE -> reviews.complete(actor, id, version);
            default -> throw new IllegalArgumentException(action + " needs a named reviewer, in the console");
        }
    }

    private Overview overview(Handle handle, Postmortem p) {
        int open = count(handle, p.id(), "'open', 'in_progress', 'blocked'");
        int closed = count(handle, p.id(), "'done', 'wont_do'");
        Instant published = reviewStore.find(handle, p.id()).map(ReviewStore.Header::publicPublishedAt).orElse(null);
        return new Overview(p, store.incidentIds(handle, p.id()), store.componentIds(handle, p.id()), open, closed,
                published);
    }

    private static int count(Handle handle, long id, String statuses) {
        return handle.createQuery("SELECT COUNT(*) FROM action_items WHERE postmortem_id = :id AND deleted_at IS NULL"
                        + " AND status IN (" + statuses + ")")
                .bind("id", id).mapTo(Integer.class).one();
    }
}
