package dev.vigil.postmortems;

import static dev.vigil.postmortems.PostmortemStatus.APPROVED;
import static dev.vigil.postmortems.PostmortemStatus.COMPLETE;
import static dev.vigil.postmortems.PostmortemStatus.DRAFT;
import static dev.vigil.postmortems.PostmortemStatus.IN_REVIEW;
import static dev.vigil.postmortems.PostmortemStatus.PUBLISHED;

import dev.vigil.markdown.Prompts;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review workflow's rules (issue 4), with no storage: which action may happen in which
 * status, what it leads to, and, when it may not, the reason in words a person can act on.
 * draft → in review → approved → published → complete; "request changes" goes back to draft.
 */
final class PostmortemWorkflow {

    /** What staff can do to a postmortem's status. */
    public enum Action {
        NAME_REVIEWERS, SUBMIT, APPROVE, REQUEST_CHANGES, PUBLISH, COMPLETE
    }

    /** The statuses each action starts from. */
    private static final Map<Action, Set<PostmortemStatus>> ALLOWED_FROM = new EnumMap<>(Map.of(
            Action.NAME_REVIEWERS, EnumSet.of(DRAFT),
            Action.SUBMIT, EnumSet.of(DRAFT),
            Action.APPROVE, EnumSet.of(IN_REVIEW),
            Action.REQUEST_CHANGES, EnumSet.of(IN_REVIEW),
            // Publishing again after an edit of the public text is allowed, even once complete.
            Action.PUBLISH, EnumSet.of(APPROVED, PUBLISHED, COMPLETE),
            Action.COMPLETE, EnumSet.of(APPROVED, PUBLISHED)));

    /** Why an action does not fit the status it was tried in. */
    private static final Map<Action, String> WRONG_STATUS = new EnumMap<>(Map.of(
            Action.NAME_REVIEWERS, "Reviewers are named while the postmortem is a draft; this one is %s. "
                    + "A reviewer can request changes to send it back to draft.",
            Action.SUBMIT, "Only a draft can be submitted for review; this one is %s.",
            Action.APPROVE, "Only a postmortem in review can be approved; this one is %s.",
            Action.REQUEST_CHANGES, "Changes can be requested only while the postmortem is in review; this one is %s.",
            Action.PUBLISH, "The public version can be published once the postmortem is approved; this one is %s.",
            Action.COMPLETE, "A postmortem is marked complete after it is approved; this one is %s."));

    /**
     * What the rules look at, read in the transaction of the action.
     *
     * @param reviewers how many reviewers are named
     * @param actorIsReviewer whether the person acting is one of them
     * @param actorApproved whether that person has already approved
     * @param othersToApprove how many other named reviewers have not approved yet
     * @param incidents how many incidents the postmortem is about
     * @param unresolvedIncidents the names of those not resolved yet
     * @param publicDraft the public text as saved
     * @param openItems the titles of its action items still open, in progress or blocked
     */
    public record Facts(PostmortemStatus status, int reviewers, boolean actorIsReviewer, boolean actorApproved,
            int othersToApprove, int incidents, List<String> unresolvedIncidents, String publicDraft,
            List<String> openItems) {}

    /** The outcome: either the status it leads to, or the reason it is refused. */
    public record Decision(PostmortemStatus next, String refusal) {
        static Decision to(PostmortemStatus next) {
            return new Decision(next, null);
        }

        static Decision refused(String reason) {
            return new Decision(null, reason);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    private PostmortemWorkflow() {}

    /** Whether the action can start from the status at all (the console shows its form only then). */
    public static boolean startsFrom(Action action, PostmortemStatus status) {
        return ALLOWED_FROM.get(action).contains(status);
    }

    public static Decision decide(Action action, Facts facts) {
        if (!ALLOWED_FROM.get(action).contains(facts.status())) {
            return Decision.refused(WRONG_STATUS.get(action).formatted(facts.status().label().toLowerCase()));
        }
        return switch (action) {
            case NAME_REVIEWERS -> Decision.to(facts.status());
            case SUBMIT -> facts.reviewers() == 0
                    ? Decision.refused("Name at least one reviewer before submitting the postmortem for review.")
                    : Decision.to(IN_REVIEW);
            case APPROVE -> approve(facts);
            case REQUEST_CHANGES -> facts.actorIsReviewer() ? Decision.to(DRAFT)
                    : Decision.refused("Only a named reviewer can request changes.");
            case PUBLISH -> publish(facts);
            case COMPLETE -> facts.openItems().isEmpty() ? Decision.to(COMPLETE)
                    : Decision.refused("It cannot be marked complete while action items are open: "
                            + quoted(facts.openItems()) + ". Finish each, or mark it won't do with a reason.");
        };
    }

    private static Decision approve(Facts facts) {
        if (!facts.actorIsReviewer()) {
            return Decision.refused("Only a named reviewer can approve; you are not one of this postmortem's reviewers.");
        }
        if (facts.actorApproved()) {
            return Decision.refused("You have already approved this postmortem.");
        }
        return Decision.to(facts.othersToApprove() == 0 ? APPROVED : IN_REVIEW);
    }

    private static Decision publish(Facts facts) {
        if (facts.incidents() == 0) {
            return Decision.refused("Link the postmortem to its incident first: the public version is shown on "
                    + "the incident's public page.");
        }
        if (!facts.unresolvedIncidents().isEmpty()) {
            return Decision.refused("The public version can be published only once its incidents are resolved; "
                    + "still open: " + quoted(facts.unresolvedIncidents()) + ".");
        }
        if (facts.publicDraft() == null || facts.publicDraft().isBlank()) {
            return Decision.refused("The public version is empty. Write and save it before publishing.");
        }
        Optional<String> unwritten = Prompts.refusal(facts.publicDraft());
        if (unwritten.isPresent()) {
            return Decision.refused(unwritten.get() + " Save the draft, then publish.");
        }
        return Decision.to(facts.status() == COMPLETE ? COMPLETE : PUBLISHED);
    }

    private static String quoted(List<String> names) {
        return "“" + String.join("”, “", names) + "”";
    }
}
