package dev.vigil.statuspage;

import dev.vigil.markdown.Markdown;
import dev.vigil.postmortems.PublicPostmortemStore.Commitment;
import dev.vigil.postmortems.PublicPostmortemStore.PublishedPostmortem;
import dev.vigil.time.TimeFormat;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;

/** Published postmortems (issue 4) as the incident page and the feeds show them. */
public record PostmortemViews(TimeFormat times, Markdown markdown) {

    /** One postmortem on the incident page; html comes from the safe Markdown renderer. */
    public record PostmortemView(long id, String title, String html, String publishedAt, List<CommitmentView> commitments) {}

    /** "What we promised, and what we have done": a commitment's title, its progress in words, and when or why. */
    public record CommitmentView(String title, String words, String detail, boolean done) {}

    PostmortemView view(PublishedPostmortem postmortem) {
        return new PostmortemView(postmortem.id(), postmortem.title(), markdown.toHtml(postmortem.body()),
                times.dateTime(postmortem.publishedAt()), postmortem.commitments().stream().map(this::commitment).toList());
    }

    /** The postmortem as feed content: its text, then the commitments as a list; everything escaped. */
    String feedHtml(PublishedPostmortem postmortem) {
        StringBuilder html = new StringBuilder(markdown.toHtml(postmortem.body()));
        List<CommitmentView> commitments = postmortem.commitments().stream().map(this::commitment).toList();
        if (!commitments.isEmpty()) {
            html.append("<h3>What we promised, and what we have done</h3>\n<ul>\n");
            for (CommitmentView commitment : commitments) {
                html.append("<li>").append(escape(commitment.title())).append(": <strong>")
                        .append(escape(commitment.words())).append("</strong>");
                if (!commitment.detail().isEmpty()) {
                    html.append(" (").append(escape(commitment.detail())).append(")");
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("<p><small>Published ").append(escape(times.dateTime(postmortem.publishedAt())))
                .append("</small></p>\n").toString();
    }

    private CommitmentView commitment(Commitment commitment) {
        String detail = "";
        if ("wont_do".equals(commitment.status()) && commitment.wontDoReason() != null) {
            detail = commitment.wontDoReason();
        } else if (commitment.isDone() && commitment.completedAt() != null) {
            detail = "completed " + times.day(commitment.completedAt());
        }
        return new CommitmentView(commitment.title(), commitment.words(), detail, commitment.isDone());
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
