package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.postmortems.PostmortemWorkflow.Action;
import dev.vigil.postmortems.PostmortemWorkflow.Decision;
import dev.vigil.postmortems.PostmortemWorkflow.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The review workflow's rules, without a server: every forbidden transition says why. */
class PostmortemWorkflowTest {
    private static final Map<Action, List<PostmortemStatus>> ALLOWED = Map.of(
            Action.NAME_REVIEWERS, List.of(PostmortemStatus.DRAFT),
            Action.SUBMIT, List.of(PostmortemStatus.DRAFT),
            Action.APPROVE, List.of(PostmortemStatus.IN_REVIEW),
            Action.REQUEST_CHANGES, List.of(PostmortemStatus.IN_REVIEW),
            Action.PUBLISH, List.of(PostmortemStatus.APPROVED, PostmortemStatus.PUBLISHED, PostmortemStatus.COMPLETE),
            Action.COMPLETE, List.of(PostmortemStatus.APPROVED, PostmortemStatus.PUBLISHED));

    /** A postmortem that satisfies every condition but its status. */
    private static Facts ready(PostmortemStatus status) {
        return new Facts(status, 2, true, false, 1, 1, List.of(), "We are sorry. The disk filled up.", List.of());
    }

    static Stream<Arguments> forbiddenTransitions() {
        List<Arguments> forbidden = new ArrayList<>();
        for (Action action : Action.values()) {
            for (PostmortemStatus status : PostmortemStatus.values()) {
                if (!ALLOWED.get(action).contains(status)) {
                    forbidden.add(Arguments.of(action, status));
                }
            }
        }
        return forbidden.stream();
    }

    @ParameterizedTest(name = "{0} from {1} is refused")
    @MethodSource("forbiddenTransitions")
    void anActionFromAStatusItDoesNotStartFromIsRefusedNamingTheStatus(Action action, PostmortemStatus status) {
        Decision decision = PostmortemWorkflow.decide(action, ready(status));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.refusal()).contains("this one is " + status.label().toLowerCase());
        assertThat(PostmortemWorkflow.startsFrom(action, status)).isFalse();
    }

    @Test
    void theHappyPathGoesDraftInReviewApprovedPublishedComplete() {
        assertThat(PostmortemWorkflow.decide(Action.SUBMIT, ready(PostmortemStatus.DRAFT)).next())
                .isEqualTo(PostmortemStatus.IN_REVIEW);
        Facts lastReviewer = new Facts(PostmortemStatus.IN_REVIEW, 2, true, false, 0, 1, List.of(), "Text", List.of());
        assertThat(PostmortemWorkflow.decide(Action.APPROVE, lastReviewer).next()).isEqualTo(PostmortemStatus.APPROVED);
        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, ready(PostmortemStatus.APPROVED)).next())
                .isEqualTo(PostmortemStatus.PUBLISHED);
        assertThat(PostmortemWorkflow.decide(Action.COMPLETE, ready(PostmortemStatus.PUBLISHED)).next())
                .isEqualTo(PostmortemStatus.COMPLETE);
    }

    @Test
    void submittingWithoutReviewersIsRefused() {
        Facts none = new Facts(PostmortemStatus.DRAFT, 0, false, false, 0, 1, List.of(), "", List.of());

        assertThat(PostmortemWorkflow.decide(Action.SUBMIT, none).refusal())
                .isEqualTo("Name at least one reviewer before submitting the postmortem for review.");
    }

    @Test
    void anApprovalWithOthersStillToApproveKeepsItInReview() {
        assertThat(PostmortemWorkflow.decide(Action.APPROVE, ready(PostmortemStatus.IN_REVIEW)).next())
                .isEqualTo(PostmortemStatus.IN_REVIEW);
    }

    @Test
    void onlyANamedReviewerApprovesOrRequestsChangesAndOnlyOnce() {
        Facts outsider = new Facts(PostmortemStatus.IN_REVIEW, 1, false, false, 1, 1, List.of(), "", List.of());
        Facts approved = new Facts(PostmortemStatus.IN_REVIEW, 2, true, true, 1, 1, List.of(), "", List.of());

        assertThat(PostmortemWorkflow.decide(Action.APPROVE, outsider).refusal())
                .startsWith("Only a named reviewer can approve");
        assertThat(PostmortemWorkflow.decide(Action.REQUEST_CHANGES, outsider).refusal())
                .isEqualTo("Only a named reviewer can request changes.");
        assertThat(PostmortemWorkflow.decide(Action.APPROVE, approved).refusal())
                .isEqualTo("You have already approved this postmortem.");
        assertThat(PostmortemWorkflow.decide(Action.REQUEST_CHANGES, approved).next()).isEqualTo(PostmortemStatus.DRAFT);
    }

    @Test
    void publishingIsRefusedWhileAnIncidentIsOpenNamingIt() {
        Facts open = new Facts(PostmortemStatus.APPROVED, 1, false, false, 0, 2, List.of("API outage"), "Text", List.of());

        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, open).refusal())
                .isEqualTo("The public version can be published only once its incidents are resolved; "
                        + "still open: “API outage”.");
    }

    @Test
    void publishingIsRefusedWithoutAnIncidentAnEmptyTextOrPromptsLeft() {
        Facts noIncident = new Facts(PostmortemStatus.APPROVED, 1, false, false, 0, 0, List.of(), "Text", List.of());
        Facts empty = new Facts(PostmortemStatus.APPROVED, 1, false, false, 0, 1, List.of(), "  \n", List.of());
        Facts prompts = new Facts(PostmortemStatus.APPROVED, 1, false, false, 0, 1, List.of(),
                "Sorry.\n\n### Why it happened\n\n[Write: the cause.]\n\n### Your data\n\n[Write: what was lost.]",
                List.of());

        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, noIncident).refusal()).startsWith("Link the postmortem");
        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, empty).refusal())
                .isEqualTo("The public version is empty. Write and save it before publishing.");
        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, prompts).refusal()).isEqualTo("Write these parts before "
                + "publishing: Why it happened, Your data. Replace each [Write: …] prompt with your own words. Save the "
                + "draft, then publish.");
    }

    @Test
    void publishingAgainKeepsACompletePostmortemComplete() {
        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, ready(PostmortemStatus.COMPLETE)).next())
                .isEqualTo(PostmortemStatus.COMPLETE);
        assertThat(PostmortemWorkflow.decide(Action.PUBLISH, ready(PostmortemStatus.PUBLISHED)).next())
                .isEqualTo(PostmortemStatus.PUBLISHED);
    }

    @Test
    void completingWithOpenItemsIsRefusedNamingEach() {
        Facts open = new Facts(PostmortemStatus.PUBLISHED, 1, false, false, 0, 1, List.of(), "Text",
                List.of("Alert on disk usage", "Rotate logs"));

        assertThat(PostmortemWorkflow.decide(Action.COMPLETE, open).refusal())
                .isEqualTo("It cannot be marked complete while action items are open: “Alert on disk usage”, "
                        + "“Rotate logs”. Finish each, or mark it won't do with a reason.");
    }
}
