package dev.vigil.postmortems;

import dev.vigil.markdown.Prompts;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The starting text of a public postmortem, after the customer-facing practice: own the problem and
 * apologise, show we understand what happened (components, times with their zone, impact, cause,
 * data), and say what we are changing. It starts from the internal postmortem: the facts Vigil
 * recorded, and each public part from the template sections (V7's keys) that tell it.
 *
 * <ul>
 *   <li>Summary, impact ({@link #WHAT_HAPPENED}) and resolution ({@link #HOW_FIXED}) are written to be
 *       told: copied as written.
 *   <li>Root causes and trigger ({@link #WHY_INTERNAL}) hold contributing factors, systems and names,
 *       for the team only: copied under a prompt saying so, which a person deletes once the words are
 *       fit for customers.
 *   <li>A part nobody wrote internally is a prompt; the apology, the data and the plan always are.
 * </ul>
 * The other sections (detection, what went well or wrong, luck, supporting information, and any an
 * admin added to the template) are for the team and are not copied. Publishing is refused while any
 * prompt is left ({@link Prompts}).
 */
final class PublicDraftSkeleton {
    static final List<String> WHAT_HAPPENED = List.of("summary", "impact");
    static final List<String> WHY_INTERNAL = List.of("root_causes", "trigger");
    static final List<String> HOW_FIXED = List.of("resolution");

    /** One incident the postmortem is about, as the skeleton needs it. */
    record IncidentFacts(long id, String name, Instant startedAt, Instant resolvedAt, List<String> components) {}

    private final TimeFormat times;
    private final String siteUrl;

    PublicDraftSkeleton(TimeFormat times, String siteUrl) {
        this.times = times;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /**
     * impactStart and impactEnd are what the postmortem measured (first failed check to recovery); when
     * both are known the draft says how long customers were affected, which is often shorter than the
     * incident stayed open while staff watched the fix. sections are the internal postmortem's.
     */
    String write(List<IncidentFacts> incidents, Instant impactStart, Instant impactEnd,
            List<PostmortemStore.Section> sections) {
        Map<String, PostmortemStore.Section> written = sections.stream().filter(s -> !s.body().isBlank())
                .collect(Collectors.toMap(PostmortemStore.Section::key, Function.identity(), (a, b) -> a));
        StringBuilder text = new StringBuilder();
        text.append(Prompts.prompt("a sincere apology in one or two sentences, in your own words: what we got wrong "
                + "for you, not a formula. Say \"incident\" or \"degradation\" unless it truly was a full outage."))
                .append("\n\n");
        text.append("### What happened\n\n");
        for (IncidentFacts incident : incidents) {
            text.append(facts(incident));
        }
        if (impactStart != null && impactEnd != null && impactEnd.isAfter(impactStart)) {
            text.append(impact(impactStart, impactEnd));
        }
        text.append("All times are in the ").append(times.zone().getId()).append(" time zone.\n\n");
        shared(text, written, WHAT_HAPPENED, "what customers saw, in plain words, and how many were "
                + "affected (requests failed, accounts affected).");
        text.append("### Why it happened\n\n");
        internalOnly(text, written, WHY_INTERNAL, "the cause in plain words. Own it, even if a supplier was involved.");
        text.append("### How we fixed it\n\n");
        shared(text, written, HOW_FIXED, "what restored service, and when.");
        text.append("### Your data\n\n").append(Prompts.prompt("say plainly whether any data was lost, and if so what "
                + "and what we did about it.")).append("\n\n");
        text.append("### What we are changing\n\n").append(Prompts.prompt("the plan in a few sentences. The "
                + "commitments you choose to show are listed below this text, with their progress, and updated as "
                + "they are done.")).append("\n\n");
        for (IncidentFacts incident : incidents) {
            text.append("The full timeline of updates: ").append(siteUrl).append("/incidents/").append(incident.id())
                    .append("\n\n");
        }
        return text.toString().stripTrailing() + "\n";
    }

    /** The sections' words as written, or the prompt when none of them was written. */
    private static void shared(StringBuilder text, Map<String, PostmortemStore.Section> written, List<String> keys,
            String prompt) {
        List<PostmortemStore.Section> found = keys.stream().filter(written::containsKey).map(written::get).toList();
        if (found.isEmpty()) {
            text.append(Prompts.prompt(prompt)).append("\n\n");
        }
        found.forEach(s -> text.append(s.body().strip()).append("\n\n"));
    }

    /** The sections' words under a prompt that keeps them from customers until a person rewrote them. */
    private static void internalOnly(StringBuilder text, Map<String, PostmortemStore.Section> written,
            List<String> keys, String prompt) {
        List<PostmortemStore.Section> found = keys.stream().filter(written::containsKey).map(written::get).toList();
        if (found.isEmpty()) {
            text.append(Prompts.prompt(prompt)).append("\n\n");
            return;
        }
        String titles = found.stream().map(s -> "“" + s.title() + "”").collect(Collectors.joining(" and "));
        text.append(Prompts.prompt("internal only. Below is what the team wrote in " + titles + ", for the team. "
                + "Rewrite it for customers in plain words, without names, internal systems or blame, and own the "
                + "cause even if a supplier was involved; then delete this note.")).append("\n\n");
        found.forEach(s -> text.append(s.body().strip()).append("\n\n"));
    }

    private String facts(IncidentFacts incident) {
        StringBuilder text = new StringBuilder();
        text.append("- **").append(incident.name()).append("**");
        if (!incident.components().isEmpty()) {
            text.append(", affecting ").append(String.join(", ", incident.components()));
        }
        text.append("\n  - Started: ").append(times.dateTime(incident.startedAt())).append("\n");
        if (incident.resolvedAt() != null) {
            text.append("  - Resolved: ").append(times.dateTime(incident.resolvedAt())).append("\n")
                    .append("  - Duration: ")
                    .append(TimeFormat.duration(Duration.between(incident.startedAt(), incident.resolvedAt())))
                    .append("\n");
        }
        return text.append("\n").toString();
    }

    private String impact(Instant start, Instant end) {
        String span = times.day(start).equals(times.day(end))
                ? "on " + times.day(start) + ", from " + times.time(start) + " to " + times.time(end)
                : "from " + times.dateTime(start) + " to " + times.dateTime(end);
        return "Customers were affected for " + TimeFormat.duration(Duration.between(start, end)) + ", " + span
                + ", as our checks measured it.\n\n";
    }
}
