package dev.vigil.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A set of durations (times to detect, times to resolve) summarised the way skewed data should be:
 * median, 90th percentile, the range and a histogram, never a mean on its own (issue 4; the VOID
 * report found incident durations skewed). Percentiles are by nearest rank: the value at rank
 * ⌈p × n⌉ of the sorted durations, with no interpolation, so every figure is one real incident's.
 */
final class Distribution {
    /** The histogram's buckets, each from its lower bound (inclusive) to the next one's (exclusive). */
    public static final List<Bucket> BUCKETS = List.of(
            new Bucket("< 1 min", Duration.ZERO),
            new Bucket("1–5 min", Duration.ofMinutes(1)),
            new Bucket("5–15 min", Duration.ofMinutes(5)),
            new Bucket("15–60 min", Duration.ofMinutes(15)),
            new Bucket("1–4 h", Duration.ofHours(1)),
            new Bucket("> 4 h", Duration.ofHours(4)));

    public record Bucket(String label, Duration from) {}

    /** How many durations fell into a bucket. */
    public record Count(String label, int count) {}

    private final List<Duration> sorted;

    private Distribution(List<Duration> sorted) {
        this.sorted = sorted;
    }

    /** The durations' distribution; negative durations are not accepted (the caller decides what they mean). */
    public static Distribution of(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        for (Duration d : sorted) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("A negative duration has no place in a distribution: " + d);
            }
        }
        Collections.sort(sorted);
        return new Distribution(List.copyOf(sorted));
    }

    public int count() {
        return sorted.size();
    }

    public boolean isEmpty() {
        return sorted.isEmpty();
    }

    public Optional<Duration> median() {
        return percentile(50);
    }

    public Optional<Duration> p90() {
        return percentile(90);
    }

    public Optional<Duration> min() {
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(0));
    }

    public Optional<Duration> max() {
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (1-based) of the sorted durations. */
    public Optional<Duration> percentile(int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("A percentile is above 0 and at most 100, not " + p);
        }
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(1, rank) - 1));
    }

    /** How many durations fall into each of {@link #BUCKETS}, in order; empty buckets included. */
    public List<Count> histogram() {
        int[] counts = new int[BUCKETS.size()];
        for (Duration d : sorted) {
            int index = BUCKETS.size() - 1;
            while (d.compareTo(BUCKETS.get(index).from()) < 0) {
                index--;
            }
            counts[index]++;
        }
        List<Count> result = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            result.add(new Count(BUCKETS.get(i).label(), counts[i]));
        }
        return result;
    }
}
