package dev.vigil.incidents.console;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.Evidence;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.ImpactChanges;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.NoticeStore.Notice;
import dev.vigil.incidents.console.IncidentPages.ComponentChoice;
import dev.vigil.incidents.console.IncidentPages.Option;
import dev.vigil.incidents.console.IncidentPages.UpdateFields;
import dev.vigil.markdown.Markdown;
import dev.vigil.markdown.Prompts;
import dev.vigil.outages.Outage;
import dev.vigil.time.TimeFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns incidents and what staff typed into the words of the console's incident pages. */
record IncidentViews(TimeFormat times, Markdown markdown, Clock clock) {

    /** The component statuses in the order staff think of them: from fine to down, then maintenance. */
    private static final List<ComponentStatus> COMPONENT_STATUSES = List.of(ComponentStatus.OPERATIONAL,
            ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE,
            ComponentStatus.UNDER_MAINTENANCE);

    /** Everything the staff page of one incident shows, read in one transaction. */
    record Loaded(Incident incident, List<Component> components, List<Outage> outages, Map<Long, Integer> revisions,
            Optional<Notice> notice, List<StaffIncidentStore.Row> others, List<TemplateStore.Template> templates,
            List<ImpactChanges.Change> impactChanges) {}

    String zone() {
        return times.zone().getId();
    }

    /** A preview of what staff typed: as customers will see it, with each prompt still to write marked. */
    String html(String markdownText) {
        return markdown.toHtmlMarkingPrompts(markdownText);
    }

    IncidentPages.ListPage list(Frame frame, boolean canEdit, List<StaffIncidentStore.Row> rows) {
        List<IncidentPages.Row> open = new ArrayList<>();
        List<IncidentPages.Row> recent = new ArrayList<>();
        for (StaffIncidentStore.Row row : rows) {
            (row.resolvedAt() == null ? open : recent).add(new IncidentPages.Row(row.id(), row.name(),
                    row.status().label(), label(row.impact()),
                    AutoIncidents.SOURCE.equals(row.source()) ? "Our checks" : "Staff", times.dateTime(row.startedAt()),
                    row.resolvedAt() == null ? null : times.dateTime(row.resolvedAt())));
        }
        return new IncidentPages.ListPage(frame, zone(), canEdit, open, recent);
    }

    IncidentPages.NewPage newIncident(Frame frame, FormInput input, List<Component> components,
            List<TemplateStore.Template> templates, String preview, Map<String, String> errors) {
        UpdateFields update = updateFields(input, IncidentLifecycle.OPENING, IncidentStatus.INVESTIGATING,
                IncidentStatus::label, components, "Not affected", templates, preview, errors);
        return new IncidentPages.NewPage(frame, zone(), input.text("name"), impacts(input.text("impact")), update, errors);
    }

    IncidentPages.BackfillPage backfill(Frame frame, FormInput input, List<Component> components, String preview,
            Map<String, String> errors) {
        return new IncidentPages.BackfillPage(frame, zone(), input.text("name"), impacts(input.text("impact")),
                componentChoices(input, components, "Not affected", errors), input.text("started_at"),
                input.text("resolved_at"), input.text("body"), input.text("resolution"), preview, errors);
    }

    IncidentPages.ShowPage show(Frame frame, boolean canEdit, Loaded loaded, FormInput input, String preview,
            Map<String, String> errors) {
        Incident incident = loaded.incident();
        UpdateFields update = canEdit ? updateFields(input, IncidentLifecycle.POSTABLE,
                IncidentLifecycle.suggested(incident.status()), s -> IncidentLifecycle.label(incident.status(), s),
                loaded.components(), "Leave as it is", loaded.templates(), preview, errors) : null;
        String rename = errors.containsKey("name") ? input.text("name") : incident.name();
        return new IncidentPages.ShowPage(frame, zone(), canEdit, summary(incident), componentLines(loaded),
                loaded.outages().stream().map(o -> outage(o, loaded.components())).toList(),
                incident.updates().stream().map(u -> new IncidentPages.UpdateLine(u.id(), u.status().label(),
                        times.dateTime(u.displayAt()), times.iso(u.displayAt()), markdown.toHtml(u.body()),
                        loaded.revisions().getOrDefault(u.id(), 0))).toList(),
                update, rename, mergeCandidates(incident.id(), loaded.others(), input.text("from")),
                noticeState(incident, loaded.notice()), impactPart(loaded, input, errors), errors);
    }

    private IncidentPages.ImpactPart impactPart(Loaded loaded, FormInput input, Map<String, String> errors) {
        Incident incident = loaded.incident();
        Optional<ImpactChanges.Change> correction = loaded.impactChanges().stream()
                .filter(ImpactChanges.Change::byStaff).reduce((first, second) -> second);
        String note = correction.map(c -> "Set by " + c.actorName() + " on " + times.dateTime(c.at())
                        + ". Later automatic updates leave it as it is.")
                .orElse(AutoIncidents.SOURCE.equals(incident.source())
                        ? "Set by our checks from how much of the service is affected; it rises if more fails. "
                                + "A correction sticks: later automatic updates leave it alone."
                        : "Chosen when the incident was opened.");
        List<String> changes = loaded.impactChanges().stream().map(c -> times.dateTime(c.at()) + ": "
                + (c.byStaff() ? "corrected" : "raised") + " from " + label(c.from()).toLowerCase(Locale.ROOT) + " to "
                + label(c.to()).toLowerCase(Locale.ROOT) + " by " + (c.byStaff() ? c.actorName() : "our checks")).toList();
        String chosen = errors.containsKey("impact") ? input.text("impact") : incident.impact().apiName();
        return new IncidentPages.ImpactPart(note, changes, impacts(chosen));
    }

    IncidentPages.UpdatePage update(Frame frame, boolean canEdit, Incident incident, IncidentUpdate update,
            List<RevisionStore.Revision> revisions, String body, String preview, Map<String, String> errors) {
        return new IncidentPages.UpdatePage(frame, zone(), canEdit, incident.id(), incident.name(), update.id(),
                update.status().label(), times.dateTime(update.displayAt()), markdown.toHtml(update.body()), body,
                revisions.stream().map(r -> new IncidentPages.RevisionLine(times.dateTime(r.revisedAt()),
                        r.actorName(), r.bodyBefore())).toList(),
                preview, errors);
    }

    IncidentPages.NoticePage notice(Frame frame, boolean canEdit, Incident incident, Optional<Notice> notice,
            String draft, String preview, Map<String, String> errors) {
        Notice stored = notice.orElse(null);
        // With no preview asked for, the draft shown is previewed anyway, so that its prompts are
        // marked for a reader without JavaScript too.
        String shownPreview = preview != null || draft == null ? preview : html(IncidentForms.normalise(draft));
        return new IncidentPages.NoticePage(frame, zone(), canEdit, incident.id(), incident.name(),
                !incident.status().isOpen(), draft, noticeState(incident, notice), shownPreview,
                stored == null ? List.of() : Prompts.unwrittenParts(stored.draft()),
                stored != null && stored.isPublished() ? markdown.toHtml(stored.body()) : null,
                stored != null && stored.isPublished() ? times.dateTime(stored.publishedAt()) : null, errors);
    }

    IncidentPages.TemplatesPage templates(Frame frame, List<TemplateStore.Template> templates, FormInput input,
            Map<String, String> errors) {
        return new IncidentPages.TemplatesPage(frame,
                templates.stream().map(t -> new IncidentPages.TemplateLine(t.id(), t.name(), t.status().label(),
                        t.body())).toList(),
                input.text("name"), statuses(IncidentLifecycle.POSTABLE, input.text("status"), IncidentStatus.INVESTIGATING,
                        IncidentStatus::label), input.text("body"), errors);
    }

    private UpdateFields updateFields(FormInput input, List<IncidentStatus> allowed, IncidentStatus suggested,
            Function<IncidentStatus, String> labels, List<Component> components, String leaveLabel,
            List<TemplateStore.Template> templates, String preview, Map<String, String> errors) {
        return new UpdateFields(statuses(allowed, input.text("status"), suggested, labels), input.text("body"),
                componentChoices(input, components, leaveLabel, errors), templateOptions(templates, input, suggested),
                preview, errors);
    }

    /**
     * The saved templates, those for the status the form starts from first, the first of them
     * chosen: the wording that most likely fits is one click away.
     */
    private static List<Option> templateOptions(List<TemplateStore.Template> templates, FormInput input,
            IncidentStatus suggested) {
        List<TemplateStore.Template> ordered = new ArrayList<>(templates.stream().filter(t -> t.status() == suggested).toList());
        templates.stream().filter(t -> t.status() != suggested).forEach(ordered::add);
        String chosen = input.text("template").isEmpty() && !ordered.isEmpty() && ordered.get(0).status() == suggested
                ? Long.toString(ordered.get(0).id()) : input.text("template");
        return ordered.stream().map(t -> new Option(Long.toString(t.id()), t.name() + " (" + t.status().label() + ")",
                Long.toString(t.id()).equals(chosen))).toList();
    }

    private List<ComponentChoice> componentChoices(FormInput input, List<Component> components, String leaveLabel,
            Map<String, String> errors) {
        Map<String, String> chosen = input.withPrefix(IncidentForms.COMPONENT_PREFIX);
        List<ComponentChoice> choices = new ArrayList<>();
        for (Component component : components) {
            String value = chosen.getOrDefault(component.id(), "");
            List<Option> options = new ArrayList<>();
            options.add(new Option("", leaveLabel, value.isEmpty()));
            for (ComponentStatus status : COMPONENT_STATUSES) {
                options.add(new Option(status.apiName(), status.label(), status.apiName().equals(value)));
            }
            choices.add(new ComponentChoice(component.id(), component.name(), component.status().label(), options,
                    errors.get(IncidentForms.COMPONENT_PREFIX + component.id())));
        }
        return choices;
    }

    private static List<Option> statuses(List<IncidentStatus> allowed, String chosen, IncidentStatus suggested,
            Function<IncidentStatus, String> labels) {
        String selected = allowed.stream().anyMatch(s -> s.apiName().equals(chosen)) ? chosen : suggested.apiName();
        return allowed.stream().map(s -> new Option(s.apiName(), labels.apply(s), s.apiName().equals(selected))).toList();
    }

    private static List<Option> impacts(String chosen) {
        String selected = chosen.isEmpty() ? Impact.MINOR.apiName() : chosen;
        return List.of(Impact.values()).stream()
                .map(i -> new Option(i.apiName(), label(i), i.apiName().equals(selected))).toList();
    }

    private IncidentPages.Summary summary(Incident incident) {
        boolean resolved = !incident.status().isOpen() && incident.resolvedAt() != null;
        String duration = resolved ? TimeFormat.duration(Duration.between(incident.startedAt(), incident.resolvedAt()))
                : TimeFormat.duration(Duration.between(incident.startedAt(), clock.instant())) + " so far";
        return new IncidentPages.Summary(incident.id(), incident.name(), incident.status().label(),
                label(incident.impact()), source(incident.source()), times.dateTime(incident.startedAt()),
                resolved ? times.dateTime(incident.resolvedAt()) : null, duration, resolved);
    }

    private static List<IncidentPages.ComponentLine> componentLines(Loaded loaded) {
        return loaded.incident().componentIds().stream()
                .map(id -> loaded.components().stream().filter(c -> c.id().equals(id)).findFirst()
                        .map(c -> new IncidentPages.ComponentLine(c.name(), c.status().label()))
                        .orElse(new IncidentPages.ComponentLine(id, "removed from the configuration")))
                .toList();
    }

    private IncidentPages.OutageLine outage(Outage outage, List<Component> components) {
        String component = components.stream().filter(c -> c.id().equals(outage.componentId())).map(Component::name)
                .findFirst().orElse(outage.componentId());
        return new IncidentPages.OutageLine(component, outage.probeId(), times.dateTime(outage.startedAt()),
                outage.firstFailureReason(), Evidence.of(outage).confirmation(times),
                TimeFormat.duration(outage.timeToDetect()),
                outage.endedAt() == null ? "still failing"
                        : outage.endedWithoutRecovery() ? "monitoring stopped " + times.dateTime(outage.endedAt())
                                + " (check removed)"
                        : times.dateTime(outage.endedAt()));
    }

    private List<Option> mergeCandidates(long id, List<StaffIncidentStore.Row> others, String chosen) {
        return others.stream().filter(row -> row.id() != id)
                .map(row -> new Option(Long.toString(row.id()), "#" + row.id() + " " + row.name() + " ("
                        + row.status().label() + ", started " + times.dateTime(row.startedAt()) + ")",
                        Long.toString(row.id()).equals(chosen)))
                .toList();
    }

    private String noticeState(Incident incident, Optional<Notice> notice) {
        if (notice.isEmpty()) {
            return incident.status().isOpen() ? "Can be drafted once the incident is resolved." : "Not drafted yet.";
        }
        Notice n = notice.get();
        if (!n.isPublished()) {
            return "Draft saved " + times.dateTime(n.draftUpdatedAt()) + "; not published.";
        }
        return "Published " + times.dateTime(n.publishedAt())
                + (n.hasUnpublishedChanges() ? "; the draft has edits not yet published." : ".");
    }

    private static String label(Impact impact) {
        String name = impact.apiName();
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String source(String source) {
        return AutoIncidents.SOURCE.equals(source) ? "Opened by our checks" : "Opened by staff";
    }
}
