package dev.vigil.probes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The lengths of time results are summed over. Hours and days are those of the site's time zone, so a day
 * starts at local midnight and lasts 23 or 25 hours when the clocks change; a minute is a minute everywhere.
 */
public enum RollupPeriod {
    MINUTE("minute"),
    HOUR("hour"),
    DAY("day");

    private final String column;

    RollupPeriod(String column) {
        this.column = column;
    }

    /** The value of the period column. */
    public String column() {
        return column;
    }

    /** The start of the period that holds the instant. */
    public Instant start(Instant at, ZoneId zone) {
        if (this == MINUTE) {
            return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), 60_000L) * 60_000L);
        }
        ZonedDateTime local = at.atZone(zone);
        return (this == HOUR ? local.truncatedTo(ChronoUnit.HOURS) : local.toLocalDate().atStartOfDay(zone)).toInstant();
    }

    /** The start of the next period. */
    public Instant next(Instant start, ZoneId zone) {
        return switch (this) {
            case MINUTE -> start.plusSeconds(60);
            case HOUR -> start.plus(1, ChronoUnit.HOURS);
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        };
    }
}
