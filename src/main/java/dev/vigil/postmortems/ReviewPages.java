package dev.vigil.postmortems;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/** The models of the review and public-version pages; every text in them is escaped by jte, html comes from Markdown. */
public final class ReviewPages {
    private ReviewPages() {}

    /** One step of draft → in review → approved → published → complete; state is done, current or todo. */
    public record Step(String label, String state) {
        public boolean current() {
            return "current".equals(state);
        }
    }

    /** Whether an action's form is shown, and, when the rules refuse it now, why. */
    public record ActionView(boolean shown, String refusal) {}

    public record ReviewerLine(String name, String approval) {}

    public record StaffChoice(long id, String name, String role, boolean checked) {}

    public record CommentLine(String author, String at, String iso, String section, String html) {}

    public record Choice(String value, String label, boolean selected) {}

    public record RevisionLine(String at, String actor, String change) {}

    /** What the person typed, shown again when the form comes back. */
    public record Typed(String comment, String section, String note) {
        static final Typed NOTHING = new Typed("", "", "");
    }

    public record ReviewPage(Frame frame, String zone, boolean canEdit, long id, String title, long version,
            String status, List<Step> steps, List<ReviewerLine> reviewers, List<StaffChoice> staff,
            ActionView nameReviewers, ActionView submit, ActionView approve, ActionView requestChanges,
            ActionView complete, List<CommentLine> comments, List<Choice> sections, List<RevisionLine> history,
            Typed typed, Map<String, String> errors) {}

    /** An action item in the commitment list: shown publicly or not, and its state in customers' words. */
    public record CommitmentLine(long id, long version, String title, String words, String detail, boolean shown) {}

    public record PublicPage(Frame frame, String zone, boolean canEdit, long id, String title, long version,
            String status, List<Step> steps, String draft, boolean draftIsSkeleton, String previewHtml,
            String publishedHtml, String publishedAt, ActionView publish, List<Choice> incidents,
            List<CommitmentLine> commitments, Map<String, String> errors) {}
}
