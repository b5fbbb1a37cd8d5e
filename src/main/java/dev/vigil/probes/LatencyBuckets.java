package dev.vigil.probes;

import java.util.Optional;

/**
 * The fixed, log-spaced duration buckets of the roll-ups' latency histogram. Bucket 0 holds durations under
 * 1 ms; bucket k (1 to 28) those from 2^((k-1)/2) ms up to, not including, 2^(k/2) ms; the last bucket those
 * of 2^14 ms (16.4 s) and more. Each bucket is √2 times as wide as the one before, so a percentile read from
 * the histogram is off by at most about 19% either way (half a bucket), whatever the scale: good enough to
 * tell 120 ms from 300 ms, and a year of it fits in a few integer columns per roll-up row.
 */
public final class LatencyBuckets {
    public static final int COUNT = 30;

    private static final long[] LOWER_BOUNDS = new long[COUNT];

    static {
        LOWER_BOUNDS[0] = 0;
        for (int k = 1; k < COUNT; k++) {
            LOWER_BOUNDS[k] = (long) Math.ceil(Math.pow(2, (k - 1) / 2.0));
        }
    }

    private LatencyBuckets() {}

    /** The bucket of a duration in whole milliseconds. */
    public static int of(long millis) {
        if (millis < 1) {
            return 0;
        }
        // The largest k with 2^((k-1)/2) <= millis, computed exactly on whole milliseconds.
        int k = COUNT - 1;
        while (k > 1 && LOWER_BOUNDS[k] > millis) {
            k--;
        }
        return k;
    }

    /** The smallest whole millisecond in the bucket. */
    public static long lowerBound(int bucket) {
        return LOWER_BOUNDS[bucket];
    }

    /** The column that holds the bucket's count in check_rollups. */
    public static String column(int bucket) {
        return String.format(java.util.Locale.ROOT, "lat_%02d", bucket);
    }

    /**
     * The nearest-rank percentile of a histogram (the value at rank ⌈p/100 × n⌉ of the sorted durations),
     * estimated as the middle of its bucket (geometrically), and never above the slowest check seen.
     * Empty when the histogram holds no check.
     */
    public static Optional<Long> percentile(long[] counts, double p, long maxMillis) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("A percentile is above 0 and at most 100, not " + p);
        }
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return Optional.empty();
        }
        long rank = (long) Math.ceil(p / 100 * total);
        long seen = 0;
        for (int k = 0; k < counts.length; k++) {
            seen += counts[k];
            if (seen >= Math.max(1, rank)) {
                return Optional.of(Math.min(middle(k), Math.max(maxMillis, lowerBound(k))));
            }
        }
        throw new IllegalStateException("unreachable: the ranks add up to the total");
    }

    private static long middle(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        long low = lowerBound(bucket);
        if (bucket == COUNT - 1) {
            return low;
        }
        long high = lowerBound(bucket + 1) - 1;
        long middle = Math.round(Math.sqrt((double) low * high));
        return Math.max(low, Math.min(high, middle));
    }
}
