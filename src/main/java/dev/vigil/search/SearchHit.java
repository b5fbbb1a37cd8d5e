package dev.vigil.search;

import java.util.List;

/**
 * One result: a postmortem, or an action item with its postmortem. Fields of the other kind are null.
 *
 * @param snippetHtml escaped text around the matches, which are in {@code <mark>}; empty when browsing by tag
 * @param severity a postmortem's, such as sev2
 * @param tags a postmortem's, in order
 * @param ownerName an item's owner, or null when it has none
 * @param postmortemId the postmortem itself, or the item's
 */
public record SearchHit(Kind kind, long id, String title, String status, String severity, List<String> tags,
        String ownerName, long postmortemId, String postmortemTitle, String snippetHtml) {

    public enum Kind { POSTMORTEM, ACTION_ITEM }

    public SearchHit {
        tags = List.copyOf(tags);
    }

    /** The console page of the result. */
    public String path() {
        return kind == Kind.POSTMORTEM ? "/console/postmortems/" + id : "/console/action-items/" + id;
    }

    public boolean isPostmortem() {
        return kind == Kind.POSTMORTEM;
    }

    SearchHit withTags(List<String> newTags) {
        return new SearchHit(kind, id, title, status, severity, newTags, ownerName, postmortemId, postmortemTitle,
                snippetHtml);
    }
}
