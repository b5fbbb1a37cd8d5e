package dev.vigil.actionitems;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/** Models of the action item pages. errors maps a form field to what is wrong with it. */
public final class ItemPages {
    private ItemPages() {}

    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {}

    /** One item in a table; due is a day in the site's zone, relative says "due in 3 days" or "overdue by 2 days". */
    public record Row(long id, String title, long postmortemId, String postmortemTitle, String owner, String kind,
            String priority, String status, String due, String dueIso, String relative, boolean overdue,
            boolean closed, long version, boolean needsLink) {}

    /**
     * What a list needs for its one-click close: whether this person may close items, where to come
     * back to, and the item just closed with its undo (null when none was).
     */
    public record OneClick(boolean canEdit, String csrf, String back, Closed closed) {}

    /** An item closed a moment ago, and the status an undo puts back. */
    public record Closed(long id, String title, String wasKey, String wasLabel, long version) {}

    /** The add or edit form: the values as typed and the choices. */
    public record ItemFormView(ItemForm values, List<Option> owners, List<Option> kinds, List<Option> priorities,
            List<Option> sources) {}

    /** GET /console/postmortems/{id}/action-items. form is null for viewers. */
    public record PostmortemItems(Frame frame, String zone, PostmortemRef postmortem, int dueDays, List<Row> items,
            ItemFormView form, Map<String, String> errors, OneClick oneClick) {}

    /** One item's facts. */
    public record ItemView(long id, long version, String title, long postmortemId, String postmortemTitle,
            String severity, String owner, String kind, String priority, String status, String statusKey, String due,
            String relative, boolean overdue, String trackerUrl, String source, boolean isPublic, String createdAt,
            String completedAt, String wontDoReason, boolean closed, boolean needsLink) {}

    public record ChangeRow(String at, String who, String field, String before, String after) {}

    public record CommentRow(String at, String who, String bodyHtml) {}

    /**
     * GET /console/action-items/{id}. form and statuses are null for viewers.
     *
     * @param reason the won't do reason as typed
     * @param comment the comment as typed
     */
    public record ItemPage(Frame frame, String zone, ItemView item, String descriptionHtml, List<ChangeRow> history,
            List<CommentRow> comments, ItemFormView form, List<Option> statuses, String reason, String comment,
            boolean canDelete, Map<String, String> errors, OneClick oneClick) {}

    /** GET /console/action-items/mine */
    public record Mine(Frame frame, String zone, List<Row> items, OneClick oneClick) {}

    /** GET /console/action-items: the filters chosen, the rows and the CSV link carrying the same filters. */
    public record Board(Frame frame, String zone, List<Option> owners, List<Option> statuses, List<Option> priorities,
            List<Option> components, boolean overdue, List<Row> items, String csvLink, Map<String, String> errors,
            OneClick oneClick) {}
}
