package dev.vigil.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Action items on the metrics page: the open ones by age and priority, the overdue ones by
 * priority, and how many of those done in the window were done on time. An item is on time when
 * it was completed by the end of its due day in the site's zone. Items marked won't do are left
 * out of the rate (and counted apart), since they were never meant to be finished.
 */
public record ActionItemFigures(List<PriorityRow> open, int openTotal, int overdueTotal, int done, int doneOnTime,
        int wontDo, List<MonthRate> onTimeByMonth) {
    public static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    public static final List<String> AGES = List.of("0–7 days", "8–30 days", "31–90 days", "> 90 days");
    private static final Set<String> OPEN = Set.of("open", "in_progress", "blocked");

    /** One item as the metrics see it. */
    public record ItemFacts(String status, String priority, LocalDate dueOn, Instant createdAt, Instant completedAt) {}

    /** Open items of one priority: counts per age bucket ({@link #AGES}), and how many are past due. */
    public record PriorityRow(String priority, List<Integer> byAge, int total, int overdue) {}

    /** Items done in one month (by completion), and how many of them on time. */
    public record MonthRate(YearMonth month, int done, int onTime) {
        public boolean hasData() {
            return done > 0;
        }

        /** The on-time share in whole percent; only meaningful when {@link #hasData()}. */
        public int percent() {
            return done == 0 ? 0 : (int) Math.round(100.0 * onTime / done);
        }
    }

    public boolean hasOpen() {
        return openTotal > 0;
    }

    public boolean hasDone() {
        return done > 0;
    }

    public int onTimePercent() {
        return done == 0 ? 0 : (int) Math.round(100.0 * doneOnTime / done);
    }

    static ActionItemFigures compute(List<ItemFacts> items, List<YearMonth> months, ZoneId zone, LocalDate today,
            Instant windowStart) {
        Map<String, int[]> ages = new LinkedHashMap<>();
        Map<String, Integer> overdue = new LinkedHashMap<>();
        PRIORITIES.forEach(p -> {
            ages.put(p, new int[AGES.size()]);
            overdue.put(p, 0);
        });
        Map<YearMonth, int[]> rates = new LinkedHashMap<>();
        months.forEach(m -> rates.put(m, new int[2]));
        int wontDo = 0;
        for (ItemFacts item : items) {
            if (OPEN.contains(item.status()) && ages.containsKey(item.priority())) {
                long days = ChronoUnit.DAYS.between(item.createdAt().atZone(zone).toLocalDate(), today);
                ages.get(item.priority())[ageBucket(days)]++;
                if (item.dueOn().isBefore(today)) {
                    overdue.merge(item.priority(), 1, Integer::sum);
                }
            } else if (item.completedAt() != null && !item.completedAt().isBefore(windowStart)) {
                if ("wont_do".equals(item.status())) {
                    wontDo++;
                } else if ("done".equals(item.status())) {
                    int[] month = rates.get(YearMonth.from(item.completedAt().atZone(zone)));
                    if (month != null) {
                        month[0]++;
                        month[1] += onTime(item, zone) ? 1 : 0;
                    }
                }
            }
        }
        return assemble(ages, overdue, rates, wontDo);
    }

    private static ActionItemFigures assemble(Map<String, int[]> ages, Map<String, Integer> overdue,
            Map<YearMonth, int[]> rates, int wontDo) {
        List<PriorityRow> rows = new ArrayList<>();
        int openTotal = 0;
        int overdueTotal = 0;
        for (String priority : PRIORITIES) {
            int[] counts = ages.get(priority);
            int total = 0;
            List<Integer> byAge = new ArrayList<>();
            for (int count : counts) {
                byAge.add(count);
                total += count;
            }
            rows.add(new PriorityRow(priority, byAge, total, overdue.get(priority)));
            openTotal += total;
            overdueTotal += overdue.get(priority);
        }
        List<MonthRate> byMonth = rates.entrySet().stream()
                .map(e -> new MonthRate(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        int done = byMonth.stream().mapToInt(MonthRate::done).sum();
        int onTime = byMonth.stream().mapToInt(MonthRate::onTime).sum();
        return new ActionItemFigures(rows, openTotal, overdueTotal, done, onTime, wontDo, byMonth);
    }

    private static int ageBucket(long days) {
        if (days <= 7) {
            return 0;
        }
        if (days <= 30) {
            return 1;
        }
        return days <= 90 ? 2 : 3;
    }

    /** Done by the end of the due day, in the site's zone. */
    private static boolean onTime(ItemFacts item, ZoneId zone) {
        return item.completedAt().isBefore(item.dueOn().plusDays(1).atStartOfDay(zone).toInstant());
    }
}
