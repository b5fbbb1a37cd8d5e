package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.markdown.Prompts;
import dev.vigil.postmortems.PublicDraftSkeleton.IncidentFacts;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public draft's starting text: the facts Vigil recorded, what the team wrote, and prompts for the rest. */
class PublicDraftSkeletonTest {
    private static final Instant FIRST_FAILURE = Instant.parse("2026-11-17T19:02:48Z");
    private static final Instant RECOVERY = Instant.parse("2026-11-17T19:34:10Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-17T19:43:00Z");
    private static final IncidentFacts SEARCH = new IncidentFacts(3, "Search upgrade took the app offline",
            Instant.parse("2026-11-17T19:03:00Z"), RESOLVED, List.of("Web application", "Search"));
    private static final List<PostmortemStore.Section> NOTHING_WRITTEN = List.of(
            section("summary", "Summary", ""), section("root_causes", "Root causes", " \n"),
            section("resolution", "Resolution", ""));

    private final PublicDraftSkeleton skeleton =
            new PublicDraftSkeleton(new TimeFormat(ZoneId.of("America/Los_Angeles")), "https://status.example/");

    @Test
    void itSaysHowLongCustomersWereAffectedAsTheChecksMeasuredIt() {
        String text = skeleton.write(List.of(SEARCH), FIRST_FAILURE, RECOVERY, NOTHING_WRITTEN);

        assertThat(text).contains("Customers were affected for 31 minutes, on Nov 17, 2026, "
                + "from 11:02:48 AM PST to 11:34:10 AM PST, as our checks measured it.");
        assertThat(text).contains("- **Search upgrade took the app offline**, affecting Web application, Search")
                .contains("Duration: 40 minutes").contains("https://status.example/incidents/3");
    }

    @Test
    void withNothingWrittenInternallyEveryPartIsAPrompt() {
        String text = skeleton.write(List.of(SEARCH), FIRST_FAILURE, RECOVERY, NOTHING_WRITTEN);

        assertThat(Prompts.unwrittenParts(text)).containsExactly(Prompts.OPENING, "What happened", "Why it happened",
                "How we fixed it", "Your data", "What we are changing");
    }

    @Test
    void sectionsWrittenToBeToldAreCopiedAsWrittenInPlaceOfTheirPrompts() {
        String text = skeleton.write(List.of(SEARCH), FIRST_FAILURE, RECOVERY, List.of(
                section("summary", "Summary", "Search was down for 31 minutes after an upgrade.\n"),
                section("impact", "Impact", "About 1,200 searches failed."),
                section("resolution", "Resolution", "We rolled the upgrade back at 11:34.")));

        assertThat(text).contains("as our checks measured it.")
                .contains("Search was down for 31 minutes after an upgrade.\n\nAbout 1,200 searches failed.")
                .contains("### How we fixed it\n\nWe rolled the upgrade back at 11:34.");
        assertThat(Prompts.unwrittenParts(text)).containsExactly(Prompts.OPENING, "Why it happened", "Your data",
                "What we are changing");
    }

    @Test
    void sectionsForTheTeamOnlyAreCopiedUnderANoteThatKeepsThemFromBeingPublished() {
        String text = skeleton.write(List.of(SEARCH), FIRST_FAILURE, RECOVERY, List.of(
                section("root_causes", "Root causes", "Dana's script skipped the canary."),
                section("trigger", "Trigger", "The 11:00 deploy."),
                section("went_wrong", "What went wrong", "The pager was on silent."),
                section("lucky", "Where we got lucky", "It was a quiet hour.")));

        String why = text.substring(text.indexOf("### Why it happened"), text.indexOf("### How we fixed it"));
        assertThat(why).startsWith("### Why it happened\n\n[Write: internal only. Below is what the team wrote in "
                + "“Root causes” and “Trigger”, for the team.")
                .contains("delete this note.]\n\nDana's script skipped the canary.\n\nThe 11:00 deploy.");
        assertThat(Prompts.unwrittenParts(text)).contains("Why it happened");
        assertThat(text).doesNotContain("pager").doesNotContain("quiet hour");
    }

    @Test
    void anImpactAcrossMidnightNamesBothDays() {
        String text = skeleton.write(List.of(SEARCH), Instant.parse("2026-11-18T07:50:00Z"),
                Instant.parse("2026-11-18T08:20:00Z"), NOTHING_WRITTEN);

        assertThat(text).contains("from Nov 17, 2026, 11:50 PM PST to Nov 18, 2026, 12:20 AM PST");
    }

    @Test
    void withoutAMeasuredEndItClaimsNoImpactTime() {
        assertThat(skeleton.write(List.of(SEARCH), FIRST_FAILURE, null, NOTHING_WRITTEN))
                .doesNotContain("Customers were affected");
    }

    private static PostmortemStore.Section section(String key, String title, String body) {
        return new PostmortemStore.Section(key, 1, title, body, "", RESOLVED);
    }
}
