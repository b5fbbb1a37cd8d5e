package dev.vigil.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them, always with their zone, and as the API writes them. */
public final class TimeFormat {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm:ss a zzz", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final ZoneId zone;

    public TimeFormat(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** ISO 8601 with the site's offset, e.g. 2026-11-25T10:04:12.000-08:00; null stays null. */
    public String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant.atZone(zone));
    }

    /** "Nov 25, 2026, 10:04 AM PST". */
    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** "10:04:12 AM PST". */
    public String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /**
     * "from 10:02 AM to 10:33 AM PST": the zone once when both ends share it, each end's zone when a
     * clock change falls between them, and the dates too when the two are on different days.
     */
    public String span(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return "from " + dateTime(from) + " to " + dateTime(to);
        }
        String startZone = ZONE_NAME.format(start);
        String endZone = ZONE_NAME.format(end);
        return startZone.equals(endZone)
                ? "from " + CLOCK.format(start) + " to " + CLOCK.format(end) + " " + endZone
                : "from " + CLOCK.format(start) + " " + startZone + " to " + CLOCK.format(end) + " " + endZone;
    }

    /** "Nov 25, 2026". */
    public String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    /** "27 minutes", "1 hour 5 minutes", "40 seconds". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours >= 48) {
            return plural(Math.round(minutes / 1440.0), "day");
        }
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
