package dev.vigil.uptime;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval of time [start, end). */
public record Interval(Instant start, Instant end) {
    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " > " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The overlap with another interval, or null when they do not overlap. */
    public Interval intersect(Interval other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? new Interval(s, e) : null;
    }
}
