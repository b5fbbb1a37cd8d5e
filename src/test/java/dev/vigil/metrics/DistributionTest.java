package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.metrics.Distribution.Count;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void theMedianAndP90OfOneToTenMinutesAreTheFifthAndTheNinthByNearestRank() {
        Distribution tenMinutes = Distribution.of(IntStream.rangeClosed(1, 10).mapToObj(DistributionTest::minutes).toList());

        assertThat(tenMinutes.count()).isEqualTo(10);
        assertThat(tenMinutes.median()).contains(minutes(5));
        assertThat(tenMinutes.p90()).contains(minutes(9));
        assertThat(tenMinutes.min()).contains(minutes(1));
        assertThat(tenMinutes.max()).contains(minutes(10));
    }

    @Test
    void anOddCountHasItsMiddleValueAsMedianWhateverTheOrderGiven() {
        Distribution three = Distribution.of(List.of(minutes(30), minutes(2), minutes(7)));

        assertThat(three.median()).contains(minutes(7));
        assertThat(three.p90()).contains(minutes(30));
    }

    @Test
    void anEvenCountHasTheLowerOfItsTwoMiddleValuesAsMedianWithoutInterpolating() {
        Distribution four = Distribution.of(List.of(minutes(1), minutes(2), minutes(10), minutes(400)));

        assertThat(four.median()).contains(minutes(2));
        assertThat(four.p90()).contains(minutes(400));
    }

    @Test
    void oneSkewedValueMovesTheP90ButNotTheMedian() {
        List<Duration> quick = IntStream.range(0, 19).mapToObj(i -> minutes(3)).toList();
        Distribution withOneLong = Distribution.of(java.util.stream.Stream.concat(quick.stream(),
                java.util.stream.Stream.of(Duration.ofHours(20))).toList());

        assertThat(withOneLong.median()).contains(minutes(3));
        assertThat(withOneLong.p90()).contains(minutes(3));
        assertThat(withOneLong.percentile(100)).contains(Duration.ofHours(20));
    }

    @Test
    void anEmptyDistributionHasNoFiguresAndAnEmptyHistogram() {
        Distribution none = Distribution.of(List.of());

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.median()).isEmpty();
        assertThat(none.p90()).isEmpty();
        assertThat(none.min()).isEmpty();
        assertThat(none.max()).isEmpty();
        assertThat(none.histogram()).extracting(Count::count).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void eachDurationFallsIntoTheBucketItsLowerBoundOpens() {
        Distribution edges = Distribution.of(List.of(Duration.ofSeconds(59), minutes(1), minutes(5), Duration.ofSeconds(899),
                minutes(60), Duration.ofHours(4).minusSeconds(1), Duration.ofHours(4), Duration.ofDays(3)));

        assertThat(edges.histogram()).containsExactly(new Count("< 1 min", 1), new Count("1–5 min", 1),
                new Count("5–15 min", 2), new Count("15–60 min", 0), new Count("1–4 h", 2), new Count("> 4 h", 2));
    }

    @Test
    void aNegativeDurationIsRefusedRatherThanCounted() {
        assertThatThrownBy(() -> Distribution.of(List.of(minutes(-1)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Duration minutes(int n) {
        return Duration.ofMinutes(n);
    }
}
