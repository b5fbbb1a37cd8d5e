package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RRULE expansion in the site's zone, with fixed instants (no clock). */
class RecurrenceTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    // Sunday, Oct 25, 2026, 02:00 PDT; clocks go back on Sunday, Nov 1.
    private static final Instant FIRST_SUNDAY = local("2026-10-25T02:00");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void aWeeklyRuleStaysAtTheSameLocalTimeAcrossTheClockChange() {
        List<Instant> starts = Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;COUNT=10")
                .starts(FIRST_SUNDAY, LOS_ANGELES, FIRST_SUNDAY, Instant.MAX, 3);

        assertThat(starts).containsExactly(local("2026-10-25T02:00"), local("2026-11-01T02:00"), local("2026-11-08T02:00"));
        assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofDays(7).plusHours(1));
    }

    @Test
    void countEndsTheSeries() {
        List<Instant> starts = Recurrence.parse("FREQ=DAILY;COUNT=3")
                .starts(FIRST_SUNDAY, LOS_ANGELES, FIRST_SUNDAY, Instant.MAX, 10);

        assertThat(starts).containsExactly(local("2026-10-25T02:00"), local("2026-10-26T02:00"), local("2026-10-27T02:00"));
    }

    @Test
    void expansionStartsFromTheGivenTimeAndStopsAtTheLimitOrTheEnd() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY");

        assertThat(daily.starts(FIRST_SUNDAY, LOS_ANGELES, local("2026-11-10T12:00"), Instant.MAX, 2))
                .containsExactly(local("2026-11-11T02:00"), local("2026-11-12T02:00"));
        assertThat(daily.starts(FIRST_SUNDAY, LOS_ANGELES, FIRST_SUNDAY, local("2026-10-27T02:00"), 10))
                .containsExactly(local("2026-10-25T02:00"), local("2026-10-26T02:00"));
    }

    @Test
    void countIsCountedFromTheFirstWindowEvenWhenExpandingLater() {
        List<Instant> starts = Recurrence.parse("FREQ=DAILY;COUNT=3")
                .starts(FIRST_SUNDAY, LOS_ANGELES, local("2026-10-26T12:00"), Instant.MAX, 10);

        assertThat(starts).containsExactly(local("2026-10-27T02:00"));
    }

    @Test
    void theRrulePrefixIsAccepted() {
        assertThat(Recurrence.parse("RRULE:FREQ=WEEKLY;BYDAY=SU")).hasToString("FREQ=WEEKLY;BYDAY=SU");
    }

    @Test
    void somethingThatIsNotARuleIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Recurrence.parse("every sunday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FREQ=WEEKLY;BYDAY=SU;COUNT=10");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;BYDAY=XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;FOO=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;" + "BYHOUR=1;".repeat(100)))
                .hasMessageContaining("at most 500 characters");
    }

    @Test
    void theStartMustBeTheFirstWindowOfTheRule() {
        Instant wednesday = local("2026-10-28T02:00");

        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;BYDAY=SU").checkFirstWindow(wednesday, TWO_HOURS, LOS_ANGELES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Oct 28, 2026, 2:00 AM PDT").hasMessageContaining("Nov 1, 2026, 2:00 AM PST");
    }

    @Test
    void windowsOfASeriesMayNotOverlap() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=HOURLY;INTERVAL=2").checkFirstWindow(FIRST_SUNDAY,
                Duration.ofHours(3), LOS_ANGELES))
                .hasMessageContaining("start only 2 hours apart");
    }

    @Test
    void aSeriesRepeatsAtMostHourly() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=MINUTELY;INTERVAL=30").checkFirstWindow(FIRST_SUNDAY,
                Duration.ofMinutes(5), LOS_ANGELES))
                .hasMessageContaining("at most hourly");
    }

    @Test
    void anUntilWithoutATimeIsExplained() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;UNTIL=20261231").checkFirstWindow(FIRST_SUNDAY,
                TWO_HOURS, LOS_ANGELES))
                .hasMessageContaining("20261231T235959Z");
    }

    @Test
    void aGoodRulePassesTheChecks() {
        Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;COUNT=10").checkFirstWindow(FIRST_SUNDAY, TWO_HOURS, LOS_ANGELES);
    }

    private static Instant local(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), LOS_ANGELES).toInstant();
    }
}
