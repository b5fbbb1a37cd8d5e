package dev.vigil.postmortems;

import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Morgue's three figures of an incident, derived from its start (first failed check), detection
 * (confirmation) and end (recovery). Any time may be missing; a figure that needs it is then empty.
 */
public record PostmortemFigures(Instant startedAt, Instant detectedAt, Instant endedAt) {

    /** End − start: how long customers were affected. */
    public Optional<Duration> impact() {
        return between(startedAt, endedAt);
    }

    /** Detection − start: how long it went unnoticed. */
    public Optional<Duration> undetected() {
        return between(startedAt, detectedAt);
    }

    /** End − detection: how long it took to resolve once known. */
    public Optional<Duration> toResolve() {
        return between(detectedAt, endedAt);
    }

    /** No end yet: the incident is still going on. */
    public boolean ongoing() {
        return endedAt == null;
    }

    public String impactWords() {
        return words(impact(), ongoing() ? "ongoing" : "unknown");
    }

    public String undetectedWords() {
        return words(undetected(), detectedAt == null ? "not detected yet" : "unknown");
    }

    public String toResolveWords() {
        return words(toResolve(), ongoing() ? "ongoing" : "unknown");
    }

    private static String words(Optional<Duration> duration, String otherwise) {
        return duration.map(TimeFormat::duration).orElse(otherwise);
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
