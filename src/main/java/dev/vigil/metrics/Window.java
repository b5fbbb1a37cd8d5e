package dev.vigil.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The months the metrics page covers: this month and the ones before it, in the site's time zone. */
record Window(int months) {
    public static final List<Integer> CHOICES = List.of(3, 6, 12);
    public static final Window DEFAULT = new Window(12);

    public Window {
        if (!CHOICES.contains(months)) {
            throw new IllegalArgumentException("months must be 3, 6 or 12");
        }
    }

    /** The window a ?months= parameter asks for; absent or blank means the default. */
    public static Window parse(String param) {
        if (param == null || param.isBlank()) {
            return DEFAULT;
        }
        try {
            return new Window(Integer.parseInt(param.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("months must be 3, 6 or 12, not \"" + param + "\"");
        }
    }

    /** The months, oldest first, ending with the one today falls in. */
    public List<YearMonth> monthsUpTo(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        List<YearMonth> result = new ArrayList<>();
        for (int back = months - 1; back >= 0; back--) {
            result.add(current.minusMonths(back));
        }
        return result;
    }

    /** The window's first day. */
    public LocalDate firstDay(LocalDate today) {
        return YearMonth.from(today).minusMonths(months - 1L).atDay(1);
    }

    /** The start of the window's first day in the site's zone. */
    public Instant start(LocalDate today, ZoneId zone) {
        return firstDay(today).atStartOfDay(zone).toInstant();
    }
}
