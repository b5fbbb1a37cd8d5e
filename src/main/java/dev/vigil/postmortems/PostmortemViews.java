package dev.vigil.postmortems;

import dev.vigil.accounts.User;
import dev.vigil.actionitems.DonePolicy;
import dev.vigil.actionitems.ItemPages.OneClick;
import dev.vigil.actionitems.ItemStatus;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.markdown.Markdown;
import dev.vigil.postmortems.PostmortemPages.EventLine;
import dev.vigil.postmortems.PostmortemPages.Header;
import dev.vigil.postmortems.PostmortemPages.Option;
import dev.vigil.postmortems.PostmortemPages.SectionLine;
import dev.vigil.time.TimeFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns postmortems and what staff typed into the words of the postmortem pages. */
final class PostmortemViews {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private final TimeFormat times;
    private final LocalTimes fields;
    private final Markdown markdown;

    private final DonePolicy donePolicy;

    PostmortemViews(TimeFormat times, Markdown markdown, DonePolicy donePolicy) {
        this.donePolicy = donePolicy;
        this.times = times;
        this.fields = new LocalTimes(times.zone());
        this.markdown = markdown;
    }

    LocalTimes fields() {
        return fields;
    }

    String zone() {
        return times.zone().getId();
    }

    PostmortemPages.ListPage list(Frame frame, boolean canEdit, PostmortemStatus filter,
            List<PostmortemStore.ListRow> rows) {
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", "Every status", filter == null));
        for (PostmortemStatus status : PostmortemStatus.values()) {
            statuses.add(new Option(status.key(), status.label(), status == filter));
        }
        return new PostmortemPages.ListPage(frame, canEdit, statuses, rows.stream().map(r -> new PostmortemPages.ListLine(
                r.id(), r.title(), r.severity().label(), r.status().label(),
                r.incidentIds().stream().map(i -> "#" + i).collect(Collectors.joining(", ")),
                r.ownerName() == null ? "Nobody" : r.ownerName(), times.dateTime(r.createdAt()))).toList());
    }

    PostmortemPages.NewPage newPage(Frame frame, List<IncidentRecords.Candidate> candidates, List<String> chosen,
            String title, Map<String, String> errors) {
        List<Option> options = candidates.stream().map(c -> new Option(Long.toString(c.id()),
                "#" + c.id() + " " + c.name() + " (" + c.status().label() + ", impact " + c.impact().apiName()
                        + ", started " + times.dateTime(c.startedAt())
                        + (c.resolvedAt() == null ? ", not resolved yet" : ", resolved " + times.dateTime(c.resolvedAt()))
                        + ")",
                chosen.contains(Long.toString(c.id())))).toList();
        return new PostmortemPages.NewPage(frame, zone(), title, options, errors);
    }

    /** The write-up; input holds what was submitted when the page is shown again after an error. */
    PostmortemPages.ShowPage show(Frame frame, boolean canEdit, boolean canDelete, Postmortems.Loaded loaded,
            List<User> owners, Map<String, String> input, String conflict, Map<String, String> errors,
            OneClick oneClick) {
        Postmortem p = loaded.postmortem();
        List<EventLine> events = events(loaded.timeline(), false, errors);
        int hidden = (int) events.stream().filter(EventLine::hidden).count();
        String ownerValue = input.getOrDefault("owner", p.ownerId() == null ? "" : Long.toString(p.ownerId()));
        List<Option> ownerOptions = new ArrayList<>();
        ownerOptions.add(new Option("", "Nobody", ownerValue.isEmpty()));
        owners.forEach(u -> ownerOptions.add(new Option(Long.toString(u.id()), u.name() + " (" + u.role().key() + ")",
                Long.toString(u.id()).equals(ownerValue))));
        String severity = input.getOrDefault("severity", p.severity().key());
        List<Option> severities = List.of(Severity.values()).stream()
                .map(s -> new Option(s.key(), s.label(), s.key().equals(severity))).toList();
        var details = new PostmortemPages.DetailsFields(input.getOrDefault("title", p.title()), severities,
                ownerOptions, input.getOrDefault("started_at", fields.field(p.startedAt())),
                input.getOrDefault("detected_at", fields.field(p.detectedAt())),
                input.getOrDefault("ended_at", fields.field(p.endedAt())));
        var newEvent = new PostmortemPages.NewEventFields(input.getOrDefault("event_at", ""),
                input.getOrDefault("event_title", ""), input.getOrDefault("event_detail", ""));
        List<SectionLine> sections = loaded.sections().stream().map(s -> new SectionLine(s.key(), s.title(),
                markdown.toHtml(s.body()), input.getOrDefault("section." + s.key(), s.body()), s.guidance(),
                errors.get("section." + s.key()))).toList();
        return new PostmortemPages.ShowPage(frame, zone(), canEdit, canDelete, p.version(), header(loaded),
                components(loaded), events, hidden, sections,
                input.getOrDefault("tags", String.join(", ", loaded.tags())), details, newEvent, conflict, errors,
                itemsSummary(loaded.actionItems()), ReviewViews.steps(p.status()), oneClick);
    }

    PostmortemPages.PrintPage print(String siteName, Postmortems.Loaded loaded) {
        List<SectionLine> sections = loaded.sections().stream().map(s -> new SectionLine(s.key(), s.title(),
                markdown.toHtml(s.body()), s.body(), s.guidance(), null)).toList();
        return new PostmortemPages.PrintPage(siteName, zone(), header(loaded), components(loaded),
                events(loaded.timeline(), true, Map.of()), sections, String.join(", ", loaded.tags()));
    }

    PostmortemPages.RevisionsPage revisions(Frame frame, Postmortem p, List<PostmortemStore.Revision> revisions) {
        return new PostmortemPages.RevisionsPage(frame, zone(), p.id(), p.title(), revisions.stream()
                .map(r -> new PostmortemPages.RevisionLine(times.dateTime(r.at()), r.actorName(), r.field(),
                        LineDiff.between(readable(r.field(), r.before()), readable(r.field(), r.after()))))
                .toList());
    }

    Header header(Postmortems.Loaded loaded) {
        Postmortem p = loaded.postmortem();
        PostmortemFigures figures = p.figures();
        return new Header(p.id(), p.title(), p.severity().label(), p.status().label(),
                p.ownerName() == null ? "Nobody" : p.ownerName(), when(p.startedAt()), when(p.detectedAt()),
                p.endedAt() == null ? "Not yet: ongoing" : when(p.endedAt()), figures.impactWords(),
                figures.undetectedWords(), figures.toResolveWords(), figures.ongoing(), loaded.incidentIds(),
                times.dateTime(p.createdAt()));
    }

    private PostmortemPages.ItemsSummary itemsSummary(List<PostmortemStore.ItemLine> items) {
        List<PostmortemPages.ItemSummaryLine> lines = items.stream().map(item -> {
            ItemStatus status = ItemStatus.parse(item.status()).orElse(ItemStatus.OPEN);
            return new PostmortemPages.ItemSummaryLine(item.id(), item.title(), status.label(), status.closed(),
                    item.ownerName() == null ? "Nobody" : item.ownerName(), due(item.dueOn()), item.version(),
                    donePolicy.needsLink(item.trackerUrl()));
        }).toList();
        int closed = (int) lines.stream().filter(PostmortemPages.ItemSummaryLine::closed).count();
        return new PostmortemPages.ItemsSummary(lines.size() - closed, closed, lines);
    }

    private static String due(String dueOn) {
        try {
            return DUE.format(LocalDate.parse(dueOn));
        } catch (DateTimeException | NullPointerException e) {
            return dueOn == null ? "" : dueOn;
        }
    }

    private List<String> components(Postmortems.Loaded loaded) {
        return loaded.componentIds().stream().map(id -> loaded.componentNames().getOrDefault(id, id)).toList();
    }

    private List<EventLine> events(List<TimelineEvent> timeline, boolean visibleOnly, Map<String, String> errors) {
        return timeline.stream().filter(e -> !visibleOnly || !e.hidden())
                .map(e -> new EventLine(e.id(), times.dateTime(e.at()), times.iso(e.at()), kind(e.kind()), e.title(),
                        e.detail(), e.hidden(), e.pinned(), e.annotation(), e.sourceRef() == null,
                        errors.get("annotation." + e.id())))
                .toList();
    }

    private String readable(String field, String text) {
        if (text != null && field.endsWith("_at") && !field.startsWith("section:")) {
            try {
                return times.dateTime(Instant.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private String when(Instant instant) {
        return instant == null ? "Not known" : times.dateTime(instant);
    }

    static String kind(String kind) {
        return switch (kind) {
            case TimelineBuilder.FIRST_FAILURE -> "First failure";
            case TimelineBuilder.CONFIRMED -> "Confirmed";
            case TimelineBuilder.INCIDENT_OPENED -> "Incident opened";
            case TimelineBuilder.UPDATE -> "Update";
            case TimelineBuilder.RECOVERY -> "Recovery";
            case TimelineBuilder.RESOLVED -> "Resolved";
            default -> "Note";
        };
    }
}
