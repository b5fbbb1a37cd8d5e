package dev.vigil.probes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons a tls check gives about the certificate's dates. The days left are part of the reason of every
 * check that got that far, so that the console and the API show them with the last check; {@link #daysLeft}
 * reads them back for the API. Dates are UTC days, as certificates state their validity in UTC.
 */
public final class CertificateReasons {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final Pattern DAYS_LEFT = Pattern.compile("^certificate valid for (?:only )?(\\d+) more days? ");

    private CertificateReasons() {}

    /** The days the certificate had left when the check gave this reason; empty for any other reason. */
    public static OptionalInt daysLeft(String reason) {
        Matcher matcher = reason == null ? null : DAYS_LEFT.matcher(reason);
        return matcher != null && matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    static String expired(Instant notAfter) {
        return "certificate expired on " + DAY.format(notAfter);
    }

    static String notYetValid(Instant notBefore) {
        return "certificate not valid until " + DAY.format(notBefore);
    }

    static String validFor(long days, Instant notAfter) {
        return "certificate valid for " + days(days) + " (until " + DAY.format(notAfter) + ")";
    }

    static String validForOnly(long days, Instant notAfter, int required) {
        return "certificate valid for only " + days(days) + " (until " + DAY.format(notAfter) + "), fewer than "
                + required;
    }

    private static String days(long days) {
        return days + (days == 1 ? " more day" : " more days");
    }
}
