package dev.vigil.postmortems;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Times as the forms' datetime-local fields carry them: local wall-clock time in the site's zone,
 * to the second ("2026-11-25T10:04:12"; browsers may leave the seconds off).
 */
final class LocalTimes {
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;

    LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    String field(Instant instant) {
        return instant == null ? "" : FIELD.format(instant.atZone(zone));
    }

    /**
     * The instant the text names; empty text is an empty optional, text that is no time throws.
     * When it names the same second as the stored value, the stored value (with its milliseconds)
     * is kept, so saving a form unchanged records no change of time.
     */
    Optional<Instant> parse(String text, Instant stored) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant parsed = LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
            if (stored != null && stored.truncatedTo(ChronoUnit.SECONDS).equals(parsed.truncatedTo(ChronoUnit.SECONDS))
                    && parsed.getNano() == 0) {
                return Optional.of(stored);
            }
            return Optional.of(parsed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time", e);
        }
    }
}
