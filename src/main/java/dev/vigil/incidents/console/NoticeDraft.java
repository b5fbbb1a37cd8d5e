package dev.vigil.incidents.console;

import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.markdown.Prompts;
import dev.vigil.outages.Outage;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the first draft of the notice customers read after a resolved incident, from what
 * Vigil recorded: the affected components, when it started and ended, when our checks saw it fail and
 * recover (in plain words; the technical evidence is for staff), and the timeline of updates. The parts only people know (what happened, the impact, the cause,
 * the changes, the apology) get a heading each and a {@link Prompts} prompt, "[Write: …]", to replace:
 * publishing is refused while one is left. The sections follow the blameless practice of public
 * incident reports (https://sre.google/sre-book/postmortem-culture/).
 */
final class NoticeDraft {
    /** Long updates are shortened in the timeline; the full text stays on the incident's page. */
    private static final int TIMELINE_ENTRY_CHARS = 400;

    private final TimeFormat times;
    private final String siteUrl;

    NoticeDraft(TimeFormat times, String siteUrl) {
        this.times = times;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** The draft of a resolved incident; componentNames maps component ids to the names customers know. */
    String write(Incident incident, Map<String, String> componentNames, List<Outage> outages) {
        StringBuilder text = new StringBuilder();
        summary(text, incident, componentNames);
        probes(text, outages, componentNames);
        timeline(text, incident);
        prompts(text);
        return text.toString().strip() + "\n";
    }

    private void summary(StringBuilder text, Incident incident, Map<String, String> componentNames) {
        List<String> names = incident.componentIds().stream().map(id -> componentNames.getOrDefault(id, id)).toList();
        text.append("### Summary\n\n");
        text.append("- **Affected components:** ")
                .append(names.isEmpty() ? "none recorded" : String.join(", ", names)).append('\n');
        text.append("- **Started:** ").append(times.dateTime(incident.startedAt())).append('\n');
        text.append("- **Resolved:** ").append(times.dateTime(incident.resolvedAt())).append('\n');
        text.append("- **Duration:** ")
                .append(TimeFormat.duration(Duration.between(incident.startedAt(), incident.resolvedAt()))).append('\n');
        text.append("- All times are in the ").append(times.zone().getId()).append(" time zone.\n");
        text.append("- Every update we posted: <").append(siteUrl).append("/incidents/").append(incident.id())
                .append(">\n\n");
    }

    private void probes(StringBuilder text, List<Outage> outages, Map<String, String> componentNames) {
        text.append("### What our checks saw\n\n");
        if (outages.isEmpty()) {
            text.append("Our automated checks recorded no outage for this incident.\n\n");
            return;
        }
        // Customers read this: when it stopped and came back, in plain words. Status codes, check names and
        // confirmation counts are evidence for staff, on the console's incident page and in staff alerts.
        for (Outage outage : outages) {
            text.append("- **").append(componentNames.getOrDefault(outage.componentId(), outage.componentId()))
                    .append("** stopped responding to our checks at ").append(times.dateTime(outage.startedAt()));
            if (outage.endedWithoutRecovery()) {
                text.append(". We stopped checking it at ").append(times.dateTime(outage.endedAt()));
            } else if (outage.endedAt() != null) {
                text.append(" and was working again from ").append(times.dateTime(outage.endedAt())).append(" (")
                        .append(TimeFormat.duration(Duration.between(outage.startedAt(), outage.endedAt())))
                        .append(")");
            }
            text.append(".\n");
        }
        text.append('\n');
    }

    private void timeline(StringBuilder text, Incident incident) {
        text.append("### Timeline\n\n");
        incident.updates().stream()
                .sorted(Comparator.comparing(IncidentUpdate::displayAt).thenComparing(IncidentUpdate::id))
                .forEach(update -> text.append("- **").append(times.dateTime(update.displayAt())).append("**, ")
                        .append(update.status().label().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(shortened(oneLine(update.body()))).append('\n'));
        text.append('\n');
    }

    private static void prompts(StringBuilder text) {
        part(text, "What happened", "in two or three plain sentences, what customers went through, as they would "
                + "put it: what did not work, for how long, and how it was put right.");
        part(text, "The impact", "who was affected and how much: which features, what share of requests or "
                + "customers. Say plainly whether any data was lost; if none was, say that too.");
        part(text, "Why it happened", "the cause in plain words, without jargon or blame. Own it, even if a supplier "
                + "was involved.");
        part(text, "What we are changing", "the concrete changes that will stop this from happening again, each "
                + "with when it will be done.");
        part(text, "Our apology", "say sorry in your own words and mean it: name what this cost our customers, not "
                + "only that it happened.");
    }

    /** A heading and the prompt a person replaces; publishing is refused while the prompt is left. */
    private static void part(StringBuilder text, String heading, String guidance) {
        text.append("### ").append(heading).append("\n\n").append(Prompts.prompt(guidance)).append("\n\n");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String shortened(String text) {
        return text.length() <= TIMELINE_ENTRY_CHARS ? text : text.substring(0, TIMELINE_ENTRY_CHARS).strip() + "…";
    }
}
