package dev.vigil.uptime;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Uptime by time, from a component's status history: for each day, the share of the time Vigil
 * was watching that the component was not out. A major outage counts fully, a partial outage
 * 0.3 of its time; degraded performance and maintenance do not count against it. Time Vigil was
 * not running is left out of both sides (no data), never counted as downtime.
 */
public final class UptimeCalculator {
    public static final double PARTIAL_OUTAGE_WEIGHT = 0.3;
    public static final double MAJOR_OUTAGE_WEIGHT = 1.0;

    private final ZoneId zone;

    public UptimeCalculator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The last {@code days} days up to and including today, oldest first.
     *
     * @param history the component's status changes in time order; the first may predate the window
     * @param coverage when Vigil was watching, in time order and not overlapping
     * @param existsSince when the component was added; earlier time is no data
     */
    public List<DayUptime> daily(List<StatusChange> history, List<Interval> coverage, Instant existsSince,
            Instant now, int days) {
        List<Segment> segments = segments(history, now);
        LocalDate today = now.atZone(zone).toLocalDate();
        List<DayUptime> result = new ArrayList<>(days);
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            result.add(day(date, segments, coverage, existsSince, now));
        }
        return result;
    }

    /** The uptime over several days: time-weighted, so days with little data count little. */
    public static Double overall(List<DayUptime> days) {
        double observed = 0;
        double up = 0;
        for (DayUptime day : days) {
            if (day.hasData()) {
                double seconds = day.observed().toMillis() / 1000.0;
                observed += seconds;
                up += seconds * day.uptime();
            }
        }
        return observed == 0 ? null : up / observed;
    }

    private DayUptime day(LocalDate date, List<Segment> segments, List<Interval> coverage, Instant existsSince,
            Instant now) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = start.isBefore(existsSince) ? existsSince : start;
        Instant to = end.isAfter(now) ? now : end;
        if (!to.isAfter(from)) {
            return noData(date);
        }
        Share share = share(new Interval(from, to), segments, coverage);
        return share.observed().isZero() ? noData(date) : share.on(date);
    }

    /**
     * How the time watched in the window was spent, for the roll-ups (issue 11), which sum it per hour.
     *
     * @param history the component's status changes in time order; the first may predate the window
     * @param coverage when there was data, in time order and not overlapping
     * @param now the end of the last status (an outage still open counts up to now)
     */
    public static Share over(Interval window, List<StatusChange> history, List<Interval> coverage, Instant now) {
        return share(window, segments(history, now), coverage);
    }

    private static Share share(Interval window, List<Segment> segments, List<Interval> coverage) {
        List<Interval> watched = new ArrayList<>();
        for (Interval c : coverage) {
            Interval overlap = c.intersect(window);
            if (overlap != null) {
                watched.add(overlap);
            }
        }
        Duration observed = total(watched);
        Duration major = Duration.ZERO;
        Duration partial = Duration.ZERO;
        Duration degraded = Duration.ZERO;
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        if (observed.isZero()) {
            return new Share(observed, major, partial, degraded, worst);
        }
        for (Segment segment : segments) {
            Duration overlap = overlap(segment.interval(), watched);
            if (overlap.isZero()) {
                continue;
            }
            switch (segment.status()) {
                case MAJOR_OUTAGE -> major = major.plus(overlap);
                case PARTIAL_OUTAGE -> partial = partial.plus(overlap);
                case DEGRADED_PERFORMANCE -> degraded = degraded.plus(overlap);
                default -> { }
            }
            if (segment.status().severity() > worst.severity()) {
                worst = segment.status();
            }
        }
        return new Share(observed, major, partial, degraded, worst);
    }

    /** The time watched in some window, and how much of it the component spent in which status. */
    public record Share(Duration observed, Duration majorOutage, Duration partialOutage, Duration degraded,
            ComponentStatus worst) {

        /** The sum of two shares of the same component, as of two hours of one day. */
        public Share plus(Share other) {
            return new Share(observed.plus(other.observed), majorOutage.plus(other.majorOutage),
                    partialOutage.plus(other.partialOutage), degraded.plus(other.degraded),
                    other.worst.severity() > worst.severity() ? other.worst : worst);
        }

        /** The day's figures; a day without watched time has no data. */
        public DayUptime on(LocalDate date) {
            if (observed.isZero()) {
                return noData(date);
            }
            double down = majorOutage.toMillis() * MAJOR_OUTAGE_WEIGHT + partialOutage.toMillis() * PARTIAL_OUTAGE_WEIGHT;
            double uptime = Math.max(0, 1 - down / observed.toMillis());
            return new DayUptime(date, observed, uptime, majorOutage, partialOutage, degraded, worst);
        }
    }

    static DayUptime noData(LocalDate date) {
        return new DayUptime(date, Duration.ZERO, null, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                ComponentStatus.OPERATIONAL);
    }

    private static Duration overlap(Interval interval, List<Interval> watched) {
        Duration sum = Duration.ZERO;
        for (Interval w : watched) {
            Interval overlap = interval.intersect(w);
            if (overlap != null) {
                sum = sum.plus(overlap.length());
            }
        }
        return sum;
    }

    private static Duration total(List<Interval> intervals) {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    private static List<Segment> segments(List<StatusChange> history, Instant now) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Instant start = history.get(i).at();
            Instant end = i + 1 < history.size() ? history.get(i + 1).at() : now;
            if (end.isAfter(start)) {
                segments.add(new Segment(new Interval(start, end), history.get(i).to()));
            }
        }
        return segments;
    }

    private record Segment(Interval interval, ComponentStatus status) {}
}
