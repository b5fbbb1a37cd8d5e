package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.postmortems.PostmortemWorkflow.Action;
import dev.vigil.postmortems.PostmortemWorkflow.Decision;
import dev.vigil.postmortems.PublicDraftSkeleton.IncidentFacts;
import dev.vigil.postmortems.PublicPostmortemStore.Item;
import dev.vigil.postmortems.ReviewStore.Header;
import dev.vigil.postmortems.ReviewStore.LinkedIncident;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The public version of a postmortem (issue 4): a draft staff edit, published (again, after edits)
 * once the postmortem is approved and its incidents are resolved, and the action items chosen as
 * public commitments. Every change customers can see ends with onChange, which rebuilds the page.
 */
record PublicPostmortems(Database database, Reviews reviews, PublicPostmortemStore store, ReviewStore reviewStore,
        PublicDraftSkeleton skeleton, AuditLog audit, Clock clock, Runnable onChange) {

    static final int MAX_PUBLIC_TEXT = 50_000;

    /** What the public-version page shows, read in one transaction; skeleton is the starting text, from the write-up. */
    record PublicState(Header header, List<LinkedIncident> incidents, List<Item> items, String skeleton,
            Decision publish) {}

    /**
     * For the action items feature: call after an item's status (or title, or deletion) changed,
     * outside its transaction. If the item is a public commitment of a published postmortem, the
     * public page and feeds are rebuilt so "what we have done" stays true.
     */
    public void actionItemChanged(long itemId) {
        if (database.read(handle -> store.isPublicCommitment(handle, itemId))) {
            onChange.run();
        }
    }

    PublicState load(User viewer, long id) {
        return database.read(handle -> {
            Header header = reviews.header(handle, id);
            List<LinkedIncident> incidents = reviewStore.incidents(handle, id);
            String start = skeleton.write(incidents.stream().map(i -> new IncidentFacts(i.id(), i.name(),
                    i.startedAt(), i.resolvedAt(), i.components())).toList(), header.startedAt(), header.endedAt(),
                    reviewStore.writeUp(handle, id));
            return new PublicState(header, incidents, store.items(handle, id), start,
                    PostmortemWorkflow.decide(Action.PUBLISH, reviews.facts(handle, header, viewer)));
        });
    }

    /** Saves the public draft; customers still see what was last published. */
    void saveDraft(User by, long id, long version, String draft) {
        String text = draft == null ? "" : draft.replace("\r\n", "\n");
        if (text.length() > MAX_PUBLIC_TEXT) {
            throw InvalidInput.of("draft", "The public version has at most " + MAX_PUBLIC_TEXT + " characters.");
        }
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = reviews.current(handle, id, version);
            if (!store.saveDraft(handle, id, version, text, now)) {
                throw new EditConflict();
            }
            reviewStore.addRevision(handle, id, now, by.actor(), by.name(), "public_draft", header.publicDraft(), text);
            audit.record(handle, now, by.actor(), "postmortem.public_draft_saved", "postmortem", Long.toString(id), null);
            return null;
        });
    }

    /** Publishes the saved draft; refused, with nothing changed, unless the workflow allows it. */
    void publish(User by, long id, long version) {
        publish(Actor.of(by), id, version);
    }

    void publish(Actor by, long id, long version) {
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = reviews.current(handle, id, version);
            Decision decision = Reviews.require(PostmortemWorkflow.decide(Action.PUBLISH,
                    reviews.facts(handle, header, by)));
            if (!store.publish(handle, id, version, decision.next(), by.ref(), now)) {
                throw new EditConflict();
            }
            reviewStore.addRevision(handle, id, now, by.ref(), by.name(), "public_body", header.publicBody(),
                    header.publicDraft());
            audit.record(handle, now, by.ref(), "postmortem.published", "postmortem", Long.toString(id), null);
            if (decision.next() != header.status()) {
                reviewStore.addRevision(handle, id, now, by.ref(), by.name(), "status", header.status().key(),
                        decision.next().key());
            }
            return null;
        });
        onChange.run();
    }

    /** Shows an action item publicly as a commitment, or stops showing it. */
    void showCommitment(User by, long id, long itemId, long itemVersion, boolean shown) {
        Instant now = clock.instant();
        boolean published = database.write(handle -> {
            Header header = reviews.header(handle, id);
            Item item = store.items(handle, id).stream().filter(i -> i.id() == itemId).findFirst()
                    .orElseThrow(() -> new NotFound("Postmortem " + id + " has no action item " + itemId));
            if (item.shown() == shown) {
                return false;
            }
            if (!store.setShown(handle, id, itemId, itemVersion, shown, now)) {
                throw new EditConflict();
            }
            store.addItemChange(handle, itemId, now, by.actor(), by.name(), "public", item.shown() ? "1" : "0",
                    shown ? "1" : "0");
            audit.record(handle, now, by.actor(), shown ? "action_item.shown_publicly" : "action_item.hidden_publicly",
                    "action_item", Long.toString(itemId), "postmortem " + id);
            return header.publicBody() != null;
        });
        if (published) {
            onChange.run();
        }
    }
}
