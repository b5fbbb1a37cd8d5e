package dev.vigil.incidents.console;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/**
 * Models of the incident pages of the console, already worded and formatted: templates only lay
 * them out. errors maps a field name to what is wrong with it; previewHtml is null unless a
 * preview was asked for, and comes from the safe Markdown renderer.
 */
public final class IncidentPages {
    private IncidentPages() {}

    /** A choice in a select or a group of radio buttons. */
    public record Option(String value, String label, boolean selected) {}

    /** The status choices of one component, named component.ID in the form. */
    public record ComponentChoice(String id, String name, String current, List<Option> options, String error) {
        public String field() {
            return IncidentForms.COMPONENT_PREFIX + id;
        }
    }

    /** The part of a form that posts an update: status, text, components, and a template to start from. */
    public record UpdateFields(List<Option> statuses, String body, List<ComponentChoice> components,
            List<Option> templates, String previewHtml, Map<String, String> errors) {}

    public record ListPage(Frame frame, String zone, boolean canEdit, List<Row> open, List<Row> recent) {}

    public record Row(long id, String name, String status, String impact, String source, String startedAt,
            String resolvedAt) {}

    public record NewPage(Frame frame, String zone, String name, List<Option> impacts, UpdateFields update,
            Map<String, String> errors) {}

    public record BackfillPage(Frame frame, String zone, String name, List<Option> impacts,
            List<ComponentChoice> components, String startedAt, String resolvedAt, String body, String resolution,
            String previewHtml, Map<String, String> errors) {}

    /** The staff page of one incident. update is null for viewers, who cannot post. */
    public record ShowPage(Frame frame, String zone, boolean canEdit, Summary incident, List<ComponentLine> components,
            List<OutageLine> outages, List<UpdateLine> updates, UpdateFields update, String rename,
            List<Option> mergeCandidates, String noticeState, ImpactPart impact, Map<String, String> errors) {}

    /**
     * How bad the incident is and who said so: note explains where the impact comes from, changes
     * list each change (oldest first), choices are the correction form's.
     */
    public record ImpactPart(String note, List<String> changes, List<Option> choices) {}

    public record Summary(long id, String name, String status, String impact, String source, String startedAt,
            String resolvedAt, String duration, boolean resolved) {}

    public record ComponentLine(String name, String status) {}

    /** What one check saw, for staff: confirmedBy is "2 failed checks in a row at 10:02:30 AM PST". */
    public record OutageLine(String component, String probe, String startedAt, String reason, String confirmedBy,
            String timeToDetect, String endedAt) {}

    public record UpdateLine(long id, String status, String at, String isoAt, String bodyHtml, int revisions) {}

    /** One update with its earlier texts, and the form to correct it. */
    public record UpdatePage(Frame frame, String zone, boolean canEdit, long incidentId, String incidentName,
            long updateId, String status, String at, String currentHtml, String body, List<RevisionLine> revisions,
            String previewHtml, Map<String, String> errors) {}

    public record RevisionLine(String at, String by, String before) {}

    /**
     * The notice of one incident. draft is null until one was drafted or saved; publishedHtml is
     * null until published.
     */
    /** unwrittenParts: the parts of the saved draft that still hold a prompt, which publishing refuses. */
    public record NoticePage(Frame frame, String zone, boolean canEdit, long incidentId, String incidentName,
            boolean resolved, String draft, String draftState, String previewHtml, List<String> unwrittenParts,
            String publishedHtml, String publishedAt, Map<String, String> errors) {}

    public record TemplatesPage(Frame frame, List<TemplateLine> templates, String name, List<Option> statuses,
            String body, Map<String, String> errors) {}

    public record TemplateLine(long id, String name, String status, String body) {}
}
