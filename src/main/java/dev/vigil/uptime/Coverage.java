package dev.vigil.uptime;

import dev.vigil.probes.CheckStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When there was data (issue 11). A check that ran vouches for its probe from when it was due until the next
 * check was due (one interval); a skipped check vouches for nothing, so a stretch of skipped checks, like a
 * stretch with no check at all, is no data: neither up nor down.
 */
final class Coverage {

    private Coverage() {}

    /** The time the checks that ran vouch for, merged, oldest first. */
    static List<Interval> vouchedBy(List<CheckStore.Due> checks) {
        List<Interval> spans = new ArrayList<>();
        for (CheckStore.Due check : checks) {
            if (check.ran()) {
                spans.add(new Interval(Instant.ofEpochMilli(check.scheduledAtMillis()),
                        Instant.ofEpochMilli(check.nextDueAtMillis())));
            }
        }
        return merged(spans);
    }

    /** The intervals as a sorted list without overlaps or touching neighbours. */
    static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Interval i : sorted) {
            if (start != null && !i.start().isAfter(end)) {
                end = i.end().isAfter(end) ? i.end() : end;
                continue;
            }
            if (start != null) {
                merged.add(new Interval(start, end));
            }
            start = i.start();
            end = i.end();
        }
        if (start != null) {
            merged.add(new Interval(start, end));
        }
        return merged;
    }

    /** The time in both lists; each must be sorted and without overlaps. */
    static List<Interval> both(List<Interval> a, List<Interval> b) {
        List<Interval> overlap = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Interval common = a.get(i).intersect(b.get(j));
            if (common != null) {
                overlap.add(common);
            }
            if (a.get(i).end().isBefore(b.get(j).end())) {
                i++;
            } else {
                j++;
            }
        }
        return overlap;
    }
}
