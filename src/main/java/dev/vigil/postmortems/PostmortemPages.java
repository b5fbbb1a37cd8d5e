package dev.vigil.postmortems;

import dev.vigil.actionitems.ItemPages.OneClick;
import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/**
 * Models of the postmortem pages, already worded and formatted: templates only lay them out.
 * errors maps a field name to what is wrong with it; every *Html value comes from the safe
 * Markdown renderer.
 */
public final class PostmortemPages {
    private PostmortemPages() {}

    /** A choice in a select or a group of checkboxes. */
    public record Option(String value, String label, boolean selected) {}

    public record ListPage(Frame frame, boolean canEdit, List<Option> statuses, List<ListLine> rows) {}

    public record ListLine(long id, String title, String severity, String status, String incidents, String owner,
            String createdAt) {}

    public record NewPage(Frame frame, String zone, String title, List<Option> incidents, Map<String, String> errors) {}

    /** The write-up. conflict is null unless an edit lost a race. */
    public record ShowPage(Frame frame, String zone, boolean canEdit, boolean canDelete, long version, Header header,
            List<String> components, List<EventLine> events, int hiddenEvents, List<SectionLine> sections, String tags,
            DetailsFields details, NewEventFields newEvent, String conflict, Map<String, String> errors,
            ItemsSummary actionItems, List<ReviewPages.Step> steps, OneClick oneClick) {}

    /** The write-up's summary of its action items: how many are open and closed, and each in a line. */
    public record ItemsSummary(int open, int closed, List<ItemSummaryLine> items) {}

    public record ItemSummaryLine(long id, String title, String status, boolean closed, String owner, String due,
            long version, boolean needsLink) {}

    public record Header(long id, String title, String severity, String status, String owner, String startedAt,
            String detectedAt, String endedAt, String impact, String undetected, String toResolve, boolean ongoing,
            List<Long> incidentIds, String createdAt) {}

    public record EventLine(long id, String at, String isoAt, String kind, String title, String detail, boolean hidden,
            boolean pinned, String annotation, boolean addedByStaff, String annotationError) {}

    public record SectionLine(String key, String title, String html, String body, String guidance, String error) {}

    public record DetailsFields(String title, List<Option> severities, List<Option> owners, String startedAt,
            String detectedAt, String endedAt) {}

    public record NewEventFields(String at, String title, String detail) {}

    public record RevisionsPage(Frame frame, String zone, long id, String title, List<RevisionLine> revisions) {}

    /** One edit; lines is a simple line diff of before and after, each line marked "+", "-" or " ". */
    public record RevisionLine(String at, String by, String field, List<DiffLine> lines) {}

    public record DiffLine(String mark, String text) {}

    /** The printable page: no navigation, every section rendered, visible events only. */
    public record PrintPage(String siteName, String zone, Header header, List<String> components,
            List<EventLine> events, List<SectionLine> sections, String tags) {}

    public record TemplatePage(Frame frame, List<TemplateLine> sections, Map<String, String> errors) {}

    /** One row of the template form; index names its fields (section.N.key, ...). */
    public record TemplateLine(int index, String key, String position, String title, String guidance,
            boolean isNew) {}
}
