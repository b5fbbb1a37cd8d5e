package dev.vigil.postmortems;

import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The starting text of a public postmortem, after the customer-facing practice in
 * shared/reference/postmortem-practice.md: own the problem and apologise, show we understand what
 * happened (components, times with their zone, impact, cause, data), and say what we are changing.
 * The facts Vigil knows are filled in; the rest are prompts, and publishing is refused while one is left.
 */
final class PublicDraftSkeleton {
    /** Each prompt starts with this; {@link #hasPrompts} finds the ones left. */
    static final String PROMPT = "[Write:";

    /** One incident the postmortem is about, as the skeleton needs it. */
    record IncidentFacts(long id, String name, Instant startedAt, Instant resolvedAt, List<String> components) {}

    private final TimeFormat times;
    private final String siteUrl;

    PublicDraftSkeleton(TimeFormat times, String siteUrl) {
        this.times = times;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    static boolean hasPrompts(String text) {
        return text != null && text.contains(PROMPT);
    }

    /**
     * impactStart and impactEnd are what the postmortem measured (first failed check to recovery); when
     * both are known the draft says how long customers were affected, which is often shorter than the
     * incident stayed open while staff watched the fix.
     */
    String write(List<IncidentFacts> incidents, Instant impactStart, Instant impactEnd) {
        StringBuilder text = new StringBuilder();
        text.append(prompt("a sincere apology in one or two sentences, in your own words: what we got wrong for you, "
                + "not a formula. Say \"incident\" or \"degradation\" unless it truly was a full outage.")).append("\n\n");
        text.append("### What happened\n\n");
        for (IncidentFacts incident : incidents) {
            text.append(facts(incident));
        }
        if (impactStart != null && impactEnd != null && impactEnd.isAfter(impactStart)) {
            text.append(impact(impactStart, impactEnd));
        }
        text.append("All times are in the ").append(times.zone().getId()).append(" time zone.\n\n");
        text.append(prompt("what customers saw, in plain words, and how many were affected (requests failed, "
                + "accounts affected).")).append("\n\n");
        text.append("### Why it happened\n\n")
                .append(prompt("the cause in plain words. Own it, even if a supplier was involved.")).append("\n\n");
        text.append("### How we fixed it\n\n")
                .append(prompt("what restored service, and when.")).append("\n\n");
        text.append("### Your data\n\n")
                .append(prompt("say plainly whether any data was lost, and if so what and what we did about it."))
                .append("\n\n");
        text.append("### What we are changing\n\n")
                .append(prompt("the plan in a few sentences. The commitments you choose to show are listed "
                        + "below this text, with their progress, and updated as they are done.")).append("\n\n");
        for (IncidentFacts incident : incidents) {
            text.append("The full timeline of updates: ").append(siteUrl).append("/incidents/").append(incident.id())
                    .append("\n\n");
        }
        return text.toString().stripTrailing() + "\n";
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

    private static String prompt(String what) {
        return PROMPT + " " + what + "]";
    }
}
