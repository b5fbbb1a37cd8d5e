package dev.vigil.uptime;

import static dev.vigil.components.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.vigil.components.ComponentStatus.MAJOR_OUTAGE;
import static dev.vigil.components.ComponentStatus.OPERATIONAL;
import static dev.vigil.components.ComponentStatus.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uptime by time, in the Los Angeles zone, over three days ending on Nov 17, 2026. */
class UptimeCalculatorTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 15);
    private static final LocalDate DAY2 = LocalDate.of(2026, 11, 16);
    private static final LocalDate DAY3 = LocalDate.of(2026, 11, 17);
    private static final Instant NOW = at(DAY3.plusDays(1), 0, 0);
    private static final Instant CREATED = at(DAY1, 0, 0);

    private final UptimeCalculator calculator = new UptimeCalculator(ZONE);
    private final List<StatusChange> history = new ArrayList<>(List.of(change(CREATED, OPERATIONAL)));

    @Test
    void aDayWithoutIncidentsIsFullyUp() {
        List<DayUptime> days = days(watchedAllAlong());

        assertThat(days).extracting(DayUptime::uptime).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void aHalfHourMajorOutageCountsInFull() {
        history.add(change(at(DAY2, 11, 0), MAJOR_OUTAGE));
        history.add(change(at(DAY2, 11, 30), OPERATIONAL));

        DayUptime day2 = days(watchedAllAlong()).get(1);

        assertThat(day2.uptime()).isCloseTo(1 - 30.0 / 1440, within(1e-9));
        assertThat(day2.majorOutage()).isEqualTo(Duration.ofMinutes(30));
        assertThat(day2.worst()).isEqualTo(MAJOR_OUTAGE);
    }

    @Test
    void aPartialOutageWeighsThreeTenths() {
        history.add(change(at(DAY2, 10, 0), PARTIAL_OUTAGE));
        history.add(change(at(DAY2, 11, 40), OPERATIONAL));

        DayUptime day2 = days(watchedAllAlong()).get(1);

        assertThat(day2.uptime()).isCloseTo(1 - 0.3 * 100 / 1440, within(1e-9));
    }

    @Test
    void degradedPerformanceDoesNotCountAgainstUptime() {
        history.add(change(at(DAY2, 9, 0), DEGRADED_PERFORMANCE));
        history.add(change(at(DAY2, 17, 0), OPERATIONAL));

        DayUptime day2 = days(watchedAllAlong()).get(1);

        assertThat(day2.uptime()).isEqualTo(1.0);
        assertThat(day2.degraded()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void anOutageAcrossMidnightIsSplitBetweenTheTwoDays() {
        history.add(change(at(DAY1, 23, 0), MAJOR_OUTAGE));
        history.add(change(at(DAY2, 1, 0), OPERATIONAL));

        List<DayUptime> days = days(watchedAllAlong());

        assertThat(days.get(0).majorOutage()).isEqualTo(Duration.ofHours(1));
        assertThat(days.get(1).majorOutage()).isEqualTo(Duration.ofHours(1));
        assertThat(days.get(2).majorOutage()).isZero();
    }

    @Test
    void timeWhenVigilWasNotRunningIsNoDataNotDowntime() {
        // A component down when Vigil stopped at 10:00 and still down when it came back at 14:00.
        history.add(change(at(DAY2, 9, 0), MAJOR_OUTAGE));
        history.add(change(at(DAY2, 15, 0), OPERATIONAL));
        List<Interval> coverage = List.of(
                new Interval(CREATED, at(DAY2, 10, 0)),
                new Interval(at(DAY2, 14, 0), NOW));

        DayUptime day2 = days(coverage).get(1);

        assertThat(day2.observed()).isEqualTo(Duration.ofHours(20));
        assertThat(day2.majorOutage()).isEqualTo(Duration.ofHours(2));
        assertThat(day2.uptime()).isCloseTo(1 - 2.0 / 20, within(1e-9));
    }

    @Test
    void aDayVigilNeverWatchedHasNoData() {
        List<Interval> coverage = List.of(new Interval(CREATED, at(DAY2, 0, 0)), new Interval(at(DAY3, 0, 0), NOW));

        List<DayUptime> days = days(coverage);

        assertThat(days.get(1).hasData()).isFalse();
        assertThat(days.get(1).uptime()).isNull();
        assertThat(UptimeCalculator.overall(days)).isEqualTo(1.0);
    }

    @Test
    void daysBeforeTheComponentExistedHaveNoData() {
        List<DayUptime> days = calculator.daily(List.of(change(at(DAY3, 12, 0), OPERATIONAL)), watchedAllAlong(),
                at(DAY3, 12, 0), NOW, 4).subList(0, 3);

        assertThat(days).extracting(DayUptime::hasData).containsExactly(false, false, true);
        assertThat(days.get(2).observed()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theOverallFigureWeighsDaysByTheTimeWatched() {
        history.add(change(at(DAY2, 0, 0), MAJOR_OUTAGE));
        history.add(change(at(DAY2, 12, 0), OPERATIONAL));

        Double overall = UptimeCalculator.overall(days(watchedAllAlong()));

        assertThat(overall).isCloseTo(1 - 12.0 / 72, within(1e-9));
    }

    @Test
    void anOutageStillOpenCountsUpToNow() {
        history.add(change(at(DAY3, 23, 0), MAJOR_OUTAGE));

        DayUptime day3 = days(watchedAllAlong()).get(2);

        assertThat(day3.majorOutage()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDayOfTheSpringForwardHasTwentyThreeHours() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        Instant now = at(springForward.plusDays(1), 0, 0);
        Instant start = at(springForward, 0, 0);
        List<DayUptime> days = calculator.daily(List.of(change(start, OPERATIONAL)),
                List.of(new Interval(start, now)), start, now, 2);

        assertThat(days.get(0).observed()).isEqualTo(Duration.ofHours(23));
    }

    /** Days 1 to 3. NOW is the midnight that ends day 3, so the calculator's "today" is the empty day 4. */
    private List<DayUptime> days(List<Interval> coverage) {
        return calculator.daily(history, coverage, CREATED, NOW, 4).subList(0, 3);
    }

    private static List<Interval> watchedAllAlong() {
        return List.of(new Interval(CREATED, NOW));
    }

    private static StatusChange change(Instant at, ComponentStatus to) {
        return new StatusChange("web", at, null, to, "test");
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(ZONE).toInstant();
    }
}
