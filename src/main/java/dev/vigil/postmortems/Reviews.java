package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.postmortems.PostmortemWorkflow.Action;
import dev.vigil.postmortems.PostmortemWorkflow.Decision;
import dev.vigil.postmortems.PostmortemWorkflow.Facts;
import dev.vigil.postmortems.ReviewStore.Header;
import dev.vigil.postmortems.ReviewStore.Reviewer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The review of a postmortem (issue 4): name reviewers, submit, approve, request changes, comment,
 * mark complete. Each action is one transaction that checks the version the person saw, asks
 * {@link PostmortemWorkflow} whether it is allowed, and writes the change with its revision row
 * and audit entry; a refusal (400) or a conflict (409) leaves everything as it was.
 */
record Reviews(Database database, ReviewStore store, AuditLog audit, Clock clock) {

    static final int MAX_COMMENT = 10_000;

    /** Everything the review page shows, read in one transaction. */
    record ReviewState(Header header, List<Reviewer> reviewers, List<ReviewStore.Comment> comments,
            List<ReviewStore.Section> sections, List<ReviewStore.StaffMember> eligible,
            List<ReviewStore.Revision> revisions, Map<Action, Decision> decisions, List<String> openItems) {}

    ReviewState load(User viewer, long id) {
        return database.read(handle -> {
            Header header = header(handle, id);
            Map<Action, Decision> decisions = new EnumMap<>(Action.class);
            Facts facts = facts(handle, header, viewer);
            for (Action action : Action.values()) {
                decisions.put(action, PostmortemWorkflow.decide(action, facts));
            }
            return new ReviewState(header, store.reviewers(handle, id), store.comments(handle, id),
                    store.sections(handle, id), store.eligibleReviewers(handle), store.workflowRevisions(handle, id),
                    decisions, facts.openItems());
        });
    }

    /** Makes exactly these people (editors or admins, by user id) the reviewers of a draft. */
    void nameReviewers(User by, long id, long version, List<String> userIds) {
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = current(handle, id, version);
            require(PostmortemWorkflow.decide(Action.NAME_REVIEWERS, facts(handle, header, by)));
            Set<Long> chosen = eligibleIds(handle, userIds);
            String before = names(store.reviewers(handle, id));
            store.replaceReviewers(handle, id, chosen, now);
            String after = names(store.reviewers(handle, id));
            bump(handle, header, header.status(), now);
            store.addRevision(handle, id, now, by.actor(), by.name(), "reviewers", before, after);
            audit.record(handle, now, by.actor(), "postmortem.reviewers_named", "postmortem", Long.toString(id), after);
            return null;
        });
    }

    void submit(User by, long id, long version) {
        submit(Actor.of(by), id, version);
    }

    void submit(Actor by, long id, long version) {
        move(by, id, version, Action.SUBMIT, "postmortem.submitted");
    }

    void complete(User by, long id, long version) {
        complete(Actor.of(by), id, version);
    }

    void complete(Actor by, long id, long version) {
        move(by, id, version, Action.COMPLETE, "postmortem.completed");
    }

    /** A reviewer approves; the last approval makes the postmortem approved. */
    void approve(User by, long id, long version) {
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = current(handle, id, version);
            Decision decision = require(PostmortemWorkflow.decide(Action.APPROVE, facts(handle, header, by)));
            store.approve(handle, id, by.id(), now);
            bump(handle, header, decision.next(), now);
            store.addRevision(handle, id, now, by.actor(), by.name(), "review", null, "approved by " + by.name());
            audit.record(handle, now, by.actor(), "postmortem.review_approved", "postmortem", Long.toString(id), null);
            if (decision.next() != header.status()) {
                statusRevision(handle, header, decision.next(), Actor.of(by), now, "postmortem.approved");
            }
            return null;
        });
    }

    /** A reviewer sends it back to draft, optionally saying why (kept as a comment); approvals start over. */
    void requestChanges(User by, long id, long version, String note) {
        String text = note == null ? "" : note.strip();
        check(text, true);
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = current(handle, id, version);
            Decision decision = require(PostmortemWorkflow.decide(Action.REQUEST_CHANGES, facts(handle, header, by)));
            if (!text.isEmpty()) {
                store.addComment(handle, id, by.id(), null, text, now);
            }
            store.clearApprovals(handle, id);
            bump(handle, header, decision.next(), now);
            statusRevision(handle, header, decision.next(), Actor.of(by), now, "postmortem.changes_requested");
            return null;
        });
    }

    /** A comment on the whole postmortem, or on one of its sections. Comments never conflict. */
    void comment(User by, long id, String sectionKey, String body) {
        String text = body == null ? "" : body.strip();
        check(text, false);
        String section = sectionKey == null || sectionKey.isBlank() ? null : sectionKey;
        Instant now = clock.instant();
        database.write(handle -> {
            header(handle, id);
            if (section != null && store.sections(handle, id).stream().noneMatch(s -> s.key().equals(section))) {
                throw InvalidInput.of("section", "Choose one of this postmortem's sections, or the whole postmortem.");
            }
            store.addComment(handle, id, by.id(), section, text, now);
            audit.record(handle, now, by.actor(), "postmortem.commented", "postmortem", Long.toString(id), section);
            return null;
        });
    }

    private void move(Actor by, long id, long version, Action action, String auditAction) {
        Instant now = clock.instant();
        database.write(handle -> {
            Header header = current(handle, id, version);
            Decision decision = require(PostmortemWorkflow.decide(action, facts(handle, header, by)));
            bump(handle, header, decision.next(), now);
            statusRevision(handle, header, decision.next(), by, now, auditAction);
            return null;
        });
    }

    /** The rules' view of a postmortem, for the person acting. */
    Facts facts(Handle handle, Header header, User actor) {
        return facts(handle, header, Actor.of(actor));
    }

    /** An API token is never a reviewer (it has no user), so its facts name no own review. */
    Facts facts(Handle handle, Header header, Actor actor) {
        List<Reviewer> reviewers = store.reviewers(handle, header.id());
        Long userId = actor.userId();
        Reviewer own = reviewers.stream().filter(r -> userId != null && r.userId() == userId).findFirst().orElse(null);
        long othersToApprove = reviewers.stream().filter(r -> !Objects.equals(r.userId(), userId)
                && r.approvedAt() == null).count();
        List<ReviewStore.LinkedIncident> incidents = store.incidents(handle, header.id());
        return new Facts(header.status(), reviewers.size(), own != null, own != null && own.approvedAt() != null,
                (int) othersToApprove, incidents.size(),
                incidents.stream().filter(i -> !i.resolved()).map(ReviewStore.LinkedIncident::name).toList(),
                header.publicDraft(), store.openItems(handle, header.id()));
    }

    Header header(Handle handle, long id) {
        return store.find(handle, id).orElseThrow(() -> new NotFound("No postmortem " + id));
    }

    /** The postmortem, if it is still at the version the person saw. */
    Header current(Handle handle, long id, long version) {
        Header header = header(handle, id);
        if (header.version() != version) {
            throw new EditConflict();
        }
        return header;
    }

    /** Moves status and version on by compare-and-set; a lost race is a conflict, and the transaction rolls back. */
    void bump(Handle handle, Header header, PostmortemStatus to, Instant now) {
        if (!store.changeStatus(handle, header.id(), header.version(), to, now)) {
            throw new EditConflict();
        }
    }

    void statusRevision(Handle handle, Header header, PostmortemStatus to, Actor by, Instant now, String auditAction) {
        store.addRevision(handle, header.id(), now, by.ref(), by.name(), "status", header.status().key(), to.key());
        audit.record(handle, now, by.ref(), auditAction, "postmortem", Long.toString(header.id()),
                header.status().key() + " → " + to.key());
    }

    static Decision require(Decision decision) {
        if (!decision.allowed()) {
            throw InvalidInput.of("status", decision.refusal());
        }
        return decision;
    }

    private Set<Long> eligibleIds(Handle handle, List<String> userIds) {
        Set<Long> eligible = store.eligibleReviewers(handle).stream().map(ReviewStore.StaffMember::id)
                .collect(Collectors.toSet());
        Set<Long> chosen = new LinkedHashSet<>();
        for (String raw : userIds) {
            Long userId = parse(raw);
            if (userId == null || !eligible.contains(userId)) {
                throw InvalidInput.of("reviewers", "No editor or admin has the id “" + raw + "”; choose reviewers "
                        + "from the list.");
            }
            chosen.add(userId);
        }
        return chosen;
    }

    private static Long parse(String raw) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(raw, "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void check(String text, boolean optional) {
        new InvalidInput.Collector()
                .check(optional || !text.isEmpty(), "body", "Write the comment first.")
                .check(text.length() <= MAX_COMMENT, "body", "A comment has at most " + MAX_COMMENT + " characters.")
                .throwIfAny();
    }

    private static String names(List<Reviewer> reviewers) {
        return reviewers.stream().map(Reviewer::name).collect(Collectors.joining(", "));
    }
}
