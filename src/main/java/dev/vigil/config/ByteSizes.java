package dev.vigil.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as people write them: a plain number of bytes, or a whole number of KiB, MiB or GiB. */
public final class ByteSizes {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;
    // Binary units only: "MB" is ambiguous (10^6 or 2^20), so it is refused rather than guessed.
    private static final Pattern FORMAT =
            Pattern.compile("(\\d{1,15})(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {}

    /** Reads "1048576", "512KiB", "1MiB" or "1GiB"; anything else, or a size too large for a long, is empty. */
    public static Optional<Long> parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        try {
            return Optional.of(Math.multiplyExact(amount, unitOf(matcher.group(2))));
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    /** Writes a size with the largest binary unit that divides it exactly, or as bytes. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return Long.toString(bytes);
    }

    private static long unitOf(String unit) {
        if (unit == null || unit.equalsIgnoreCase("B")) {
            return 1;
        }
        if (unit.equalsIgnoreCase("KiB")) {
            return KIB;
        }
        return unit.equalsIgnoreCase("MiB") ? MIB : GIB;
    }
}
