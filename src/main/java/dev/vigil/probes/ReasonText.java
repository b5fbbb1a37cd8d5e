package dev.vigil.probes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Wording shared by the reasons a check gives. */
final class ReasonText {
    static final int MAX_LENGTH = 200;

    private ReasonText() {}

    /** A configured duration, as precise as it was written: "5 s", "0.5 s", "0.25 s". */
    static String seconds(Duration duration) {
        return plain(BigDecimal.valueOf(duration.toMillis(), 3)) + " s";
    }

    /**
     * A measured duration, rounded up so that a too slow check never reads as equal to its limit:
     * "2.31 s", "0.06 s", "12.4 s".
     */
    static String measuredSeconds(Duration duration) {
        int decimals = duration.compareTo(Duration.ofSeconds(10)) < 0 ? 2 : 1;
        return plain(BigDecimal.valueOf(duration.toNanos(), 9).setScale(decimals, RoundingMode.CEILING)) + " s";
    }

    static String shorten(String reason) {
        if (reason.length() <= MAX_LENGTH) {
            return reason;
        }
        return reason.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String plain(BigDecimal seconds) {
        return seconds.stripTrailingZeros().toPlainString();
    }
}
