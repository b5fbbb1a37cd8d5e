package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.postmortems.PublicDraftSkeleton.IncidentFacts;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public draft's starting text: the facts Vigil recorded, and prompts for the rest. */
class PublicDraftSkeletonTest {
    private static final Instant FIRST_FAILURE = Instant.parse("2026-11-17T19:02:48Z");
    private static final Instant RECOVERY = Instant.parse("2026-11-17T19:34:10Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-17T19:43:00Z");
    private static final IncidentFacts SEARCH = new IncidentFacts(3, "Search upgrade took the app offline",
            Instant.parse("2026-11-17T19:03:00Z"), RESOLVED, List.of("Web application", "Search"));

    private final PublicDraftSkeleton skeleton =
            new PublicDraftSkeleton(new TimeFormat(ZoneId.of("America/Los_Angeles")), "https://status.example/");

    @Test
    void itSaysHowLongCustomersWereAffectedAsTheChecksMeasuredIt() {
        String text = skeleton.write(List.of(SEARCH), FIRST_FAILURE, RECOVERY);

        assertThat(text).contains("Customers were affected for 31 minutes, on Nov 17, 2026, "
                + "from 11:02:48 AM PST to 11:34:10 AM PST, as our checks measured it.");
        assertThat(text).contains("- **Search upgrade took the app offline**, affecting Web application, Search")
                .contains("Duration: 40 minutes").contains("https://status.example/incidents/3");
        assertThat(PublicDraftSkeleton.hasPrompts(text)).isTrue();
    }

    @Test
    void anImpactAcrossMidnightNamesBothDays() {
        String text = skeleton.write(List.of(SEARCH), Instant.parse("2026-11-18T07:50:00Z"),
                Instant.parse("2026-11-18T08:20:00Z"));

        assertThat(text).contains("from Nov 17, 2026, 11:50 PM PST to Nov 18, 2026, 12:20 AM PST");
    }

    @Test
    void withoutAMeasuredEndItClaimsNoImpactTime() {
        assertThat(skeleton.write(List.of(SEARCH), FIRST_FAILURE, null)).doesNotContain("Customers were affected");
    }
}
