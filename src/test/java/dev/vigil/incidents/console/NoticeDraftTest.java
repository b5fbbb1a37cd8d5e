package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStatus;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.markdown.Prompts;
import dev.vigil.outages.Outage;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first draft of a notice, from a recorded incident, without a server. */
class NoticeDraftTest {
    private static final Instant START = Instant.parse("2026-07-04T16:00:00Z");
    private static final Instant END = Instant.parse("2026-07-04T17:27:00Z");
    private final NoticeDraft drafts = new NoticeDraft(new TimeFormat(ZoneId.of("America/Los_Angeles")), "https://status.acme.test/");

    @Test
    void itStatesComponentsTimesWithTheirZoneAndTheDuration() {
        String draft = drafts.write(incident(), Map.of("api", "API"), List.of());

        assertThat(draft).contains("**Affected components:** API")
                .contains("**Started:** Jul 4, 2026, 9:00 AM PDT")
                .contains("**Resolved:** Jul 4, 2026, 10:27 AM PDT")
                .contains("**Duration:** 1 hour 27 minutes")
                .contains("America/Los_Angeles time zone")
                .contains("https://status.acme.test/incidents/7");
    }

    @Test
    void itSaysWhenTheChecksSawItFailAndRecoverInPlainWordsWithoutTheTechnicalEvidence() {
        Outage outage = new Outage(1, "api-health", "api", START, START.plusSeconds(90), "HTTP 503 from the server",
                END.minusSeconds(60), END, 7L, null, 3);

        String draft = drafts.write(incident(), Map.of("api", "API"), List.of(outage));

        assertThat(draft).contains("**API** stopped responding to our checks at Jul 4, 2026, 9:00 AM PDT and was "
                + "working again from Jul 4, 2026, 10:26 AM PDT (1 hour 26 minutes).")
                .doesNotContain("503", "api-health", "confirm");
    }

    @Test
    void itListsTheUpdatesOldestFirstAndLeavesHeadedSectionsForPeopleToWrite() {
        String draft = drafts.write(incident(), Map.of("api", "API"), List.of());

        assertThat(draft).doesNotContain("The API\nis failing.");
        assertThat(draft.indexOf("investigating: The API is failing.")).isLessThan(draft.indexOf("resolved: Fixed."));
        assertThat(draft).contains("### What happened").contains("### The impact").contains("### Why it happened")
                .contains("### What we are changing").contains("### Our apology")
                .contains("Our automated checks recorded no outage");
        assertThat(Prompts.unwrittenParts(draft)).containsExactly("What happened", "The impact", "Why it happened",
                "What we are changing", "Our apology");
    }

    private static Incident incident() {
        var affected = List.of(new AffectedComponent("api", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE));
        return new Incident(7, "API outage", IncidentStatus.RESOLVED, Impact.CRITICAL, START, START, END, null, END,
                "staff", List.of(
                        new IncidentUpdate(2, 7, IncidentStatus.RESOLVED, "Fixed.", END, END, END, List.of()),
                        new IncidentUpdate(1, 7, IncidentStatus.INVESTIGATING, "The API\nis failing.", START, START, START,
                                affected)),
                List.of("api"), false);
    }
}
