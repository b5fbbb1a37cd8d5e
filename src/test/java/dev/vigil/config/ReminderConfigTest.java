package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reminders block (issue 4): when the daily action item reminders go out. */
class ReminderConfigTest {
    private static final String SITE = """
            site:
              name: Acme Status
              url: https://status.acme.test
            """;

    @Test
    void without_a_reminders_block_digests_go_out_after_nine_with_three_soon_days_and_escalation_after_seven() {
        ReminderPolicy policy = ConfigLoader.parse(SITE, Map.of()).reminders();

        assertThat(policy).isEqualTo(new ReminderPolicy(LocalTime.of(9, 0), 3, 7));
    }

    @Test
    void a_full_block_is_read_key_by_key() {
        String yaml = SITE + """
                reminders:
                  time: "7:30"
                  soon_days: 5
                  escalate_after_days: 14
                """;

        assertThat(ConfigLoader.parse(yaml, Map.of()).reminders()).isEqualTo(new ReminderPolicy(LocalTime.of(7, 30), 5, 14));
    }

    @Test
    void a_block_with_some_keys_keeps_the_defaults_of_the_others() {
        String yaml = SITE + "reminders:\n  time: \"18:05\"\n";

        assertThat(ConfigLoader.parse(yaml, Map.of()).reminders()).isEqualTo(new ReminderPolicy(LocalTime.of(18, 5), 3, 7));
    }

    @Test
    void a_time_that_is_not_a_time_of_day_says_what_is_allowed() {
        assertThat(problemsOf(SITE + "reminders:\n  time: \"25:00\"\n")).containsExactly(
                "reminders.time: \"25:00\" must be a time of day from \"00:00\" to \"23:59\", such as \"09:00\"");
        assertThat(problemsOf(SITE + "reminders:\n  time: 9\n")).containsExactly(
                "reminders.time: \"9\" must be a time of day from \"00:00\" to \"23:59\", such as \"09:00\"");
    }

    @Test
    void soon_days_out_of_range_names_the_range() {
        assertThat(problemsOf(SITE + "reminders:\n  soon_days: -1\n")).containsExactly(
                "reminders.soon_days: \"-1\" must be a whole number from 0 to 60");
    }

    @Test
    void escalate_after_days_that_is_not_a_number_names_the_range() {
        assertThat(problemsOf(SITE + "reminders:\n  escalate_after_days: a week\n")).containsExactly(
                "reminders.escalate_after_days: \"a week\" must be a whole number from 1 to 365");
    }

    @Test
    void a_misspelt_key_is_named_with_the_nearest_allowed_one() {
        assertThat(problemsOf(SITE + "reminders:\n  soon_day: 2\n")).containsExactly(
                "reminders.soon_day: unknown key; did you mean \"soon_days\"?");
    }

    @Test
    void a_block_that_is_not_a_mapping_lists_its_keys() {
        assertThat(problemsOf(SITE + "reminders: daily\n")).containsExactly(
                "reminders: \"daily\" must be a mapping with the keys time, soon_days, escalate_after_days");
    }
}
