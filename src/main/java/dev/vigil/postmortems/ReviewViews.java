package dev.vigil.postmortems;

import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.markdown.Markdown;
import dev.vigil.postmortems.PostmortemWorkflow.Action;
import dev.vigil.postmortems.PostmortemWorkflow.Decision;
import dev.vigil.postmortems.PublicPostmortemStore.Commitment;
import dev.vigil.postmortems.PublicPostmortems.PublicState;
import dev.vigil.postmortems.ReviewPages.ActionView;
import dev.vigil.postmortems.ReviewPages.Choice;
import dev.vigil.postmortems.ReviewPages.Step;
import dev.vigil.postmortems.ReviewStore.Header;
import dev.vigil.postmortems.Reviews.ReviewState;
import dev.vigil.time.TimeFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns review and public-version state into the words of their console pages. */
record ReviewViews(TimeFormat times, Markdown markdown) {

    /** A preview of what staff typed: as customers will see it, with each prompt still to write marked. */
    String html(String markdownText) {
        return markdown.toHtmlMarkingPrompts(markdownText);
    }

    ReviewPages.ReviewPage review(Frame frame, boolean canEdit, ReviewState state, ReviewPages.Typed typed,
            Map<String, String> errors) {
        Header header = state.header();
        Set<Long> named = state.reviewers().stream().map(ReviewStore.Reviewer::userId).collect(Collectors.toSet());
        Map<String, String> sectionTitles = state.sections().stream()
                .collect(Collectors.toMap(ReviewStore.Section::key, ReviewStore.Section::title));
        List<Choice> sections = new ArrayList<>();
        sections.add(new Choice("", "The whole postmortem", typed.section().isEmpty()));
        state.sections().forEach(s -> sections.add(new Choice(s.key(), s.title(), s.key().equals(typed.section()))));
        return new ReviewPages.ReviewPage(frame, times.zone().getId(), canEdit, header.id(), header.title(),
                header.version(), header.status().label(), steps(header.status()),
                state.reviewers().stream().map(r -> new ReviewPages.ReviewerLine(r.name(), r.approvedAt() == null
                        ? "Not approved yet" : "Approved " + times.dateTime(r.approvedAt()))).toList(),
                state.eligible().stream().map(s -> new ReviewPages.StaffChoice(s.id(), s.name(), s.role(),
                        named.contains(s.id()))).toList(),
                action(state, Action.NAME_REVIEWERS), action(state, Action.SUBMIT), action(state, Action.APPROVE),
                action(state, Action.REQUEST_CHANGES), action(state, Action.COMPLETE),
                state.comments().stream().map(c -> new ReviewPages.CommentLine(c.author(), times.dateTime(c.createdAt()),
                        times.iso(c.createdAt()), c.sectionKey() == null ? null
                                : sectionTitles.getOrDefault(c.sectionKey(), c.sectionKey()),
                        markdown.toHtml(c.body()))).toList(),
                sections,
                state.revisions().stream().map(r -> new ReviewPages.RevisionLine(times.dateTime(r.at()), r.actorName(),
                        change(r))).toList(),
                typed, errors);
    }

    ReviewPages.PublicPage publicVersion(Frame frame, boolean canEdit, PublicState state, String typedDraft,
            String preview, Map<String, String> errors) {
        Header header = state.header();
        boolean blank = header.publicDraft() == null || header.publicDraft().isBlank();
        String draft = typedDraft != null ? typedDraft : blank ? state.skeleton() : header.publicDraft();
        Decision publish = state.publish();
        return new ReviewPages.PublicPage(frame, times.zone().getId(), canEdit, header.id(), header.title(),
                header.version(), header.status().label(), steps(header.status()), draft,
                // Previewed even when no preview was asked for, so that prompts are marked without JavaScript.
                typedDraft == null && blank, preview != null ? preview : html(draft),
                header.publicBody() == null ? null : markdown.toHtml(header.publicBody()),
                header.publicPublishedAt() == null ? null : times.dateTime(header.publicPublishedAt()),
                new ActionView(true, publish.refusal()),
                state.incidents().stream().map(i -> new Choice("/incidents/" + i.id(), i.name(), i.resolved())).toList(),
                state.items().stream().map(this::commitment).toList(), errors);
    }

    private ReviewPages.CommitmentLine commitment(PublicPostmortemStore.Item item) {
        Commitment shown = new Commitment(item.title(), item.status(), item.wontDoReason(), item.completedAt());
        return new ReviewPages.CommitmentLine(item.id(), item.version(), item.title(), shown.words(), detail(shown),
                item.shown());
    }

    /** The words after a commitment's status: when it was done, or why it will not be. */
    String detail(Commitment commitment) {
        if ("wont_do".equals(commitment.status())) {
            return commitment.wontDoReason() == null ? "" : commitment.wontDoReason();
        }
        if (commitment.isDone() && commitment.completedAt() != null) {
            return "completed " + times.day(commitment.completedAt());
        }
        return "";
    }

    static List<Step> steps(PostmortemStatus status) {
        List<Step> steps = new ArrayList<>();
        for (PostmortemStatus step : PostmortemStatus.values()) {
            String state = step.ordinal() < status.ordinal() ? "done" : step == status ? "current" : "todo";
            steps.add(new Step(step.label(), state));
        }
        return steps;
    }

    private static ActionView action(ReviewState state, Action action) {
        Decision decision = state.decisions().get(action);
        return new ActionView(PostmortemWorkflow.startsFrom(action, state.header().status()), decision.refusal());
    }

    private static String change(ReviewStore.Revision revision) {
        return switch (revision.field()) {
            case "status" -> "status " + label(revision.before()) + " → " + label(revision.after());
            case "reviewers" -> "reviewers: " + (revision.after() == null || revision.after().isEmpty()
                    ? "none" : revision.after());
            default -> revision.after();
        };
    }

    private static String label(String key) {
        return PostmortemStatus.parse(key).map(PostmortemStatus::label).orElse(key);
    }
}
