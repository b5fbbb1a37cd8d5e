package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** postmortems.due_days and done_requires_link: the defaults, values from the file, and one test per kind of mistake. */
class PostmortemConfigTest {
    private static final String SITE = """
            site:
              name: Acme Status
              url: http://localhost:7070
            """;

    @Test
    void withoutThePostmortemsBlockTheDueDaysAreFifteenThirtySixtyAndNinety() {
        VigilConfig config = ConfigLoader.parse(SITE, Map.of());

        assertThat(config.postmortems().dueDays()).containsExactlyInAnyOrderEntriesOf(
                Map.of("sev1", 15, "sev2", 30, "sev3", 60, "sev4", 90));
    }

    @Test
    void dueDaysAreReadFromTheFileAndMissingSeveritiesKeepTheirDefaults() {
        VigilConfig config = ConfigLoader.parse(SITE + """
                postmortems:
                  due_days: {sev1: 7, sev3: 45}
                """, Map.of());

        assertThat(config.postmortems().dueDays()).containsExactlyInAnyOrderEntriesOf(
                Map.of("sev1", 7, "sev2", 30, "sev3", 45, "sev4", 90));
    }

    @Test
    void doneAsksForALinkOnlyWhenTheFileSaysSo() {
        assertThat(ConfigLoader.parse(SITE, Map.of()).postmortems().doneRequiresLink()).isFalse();
        assertThat(ConfigLoader.parse(SITE + "postmortems:\n  done_requires_link: true\n", Map.of()).postmortems()
                .doneRequiresLink()).isTrue();
    }

    @Test
    void aDoneRequiresLinkThatIsNotTrueOrFalseIsNamed() {
        assertThat(problemsOf(SITE + "postmortems:\n  done_requires_link: sometimes\n"))
                .singleElement().asString().startsWith("postmortems.done_requires_link:");
    }

    @Test
    void aMisspeltSeverityIsNamedWithTheNearestOne() {
        assertThat(problemsOf(SITE + """
                postmortems:
                  due_days: {sev01: 7}
                """)).containsExactly("postmortems.due_days.sev01: unknown key; did you mean \"sev1\"?");
    }

    @Test
    void anUnknownKeyInTheBlockListsTheAllowedOnes() {
        assertThat(problemsOf(SITE + """
                postmortems:
                  reminder_hour_of_the_day: 9
                """)).containsExactly("postmortems.reminder_hour_of_the_day: unknown key; allowed: due_days, done_requires_link");
    }

    @Test
    void aNumberOfDaysThatIsNotAWholeNumberInRangeIsNamed() {
        assertThat(problemsOf(SITE + """
                postmortems:
                  due_days: {sev1: 0, sev2: two weeks}
                """)).containsExactly(
                "postmortems.due_days.sev1: \"0\" must be a whole number from 1 to 3650",
                "postmortems.due_days.sev2: \"two weeks\" must be a whole number from 1 to 3650");
    }

    @Test
    void dueDaysThatAreNotAMappingSayWhatIsExpected() {
        assertThat(problemsOf(SITE + """
                postmortems:
                  due_days: 30
                """)).containsExactly("postmortems.due_days: \"30\" must be a mapping with the keys sev1, sev2, sev3, sev4");
    }
}
