package dev.vigil.metrics;

import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.metrics.ActionItemFigures.MonthRate;
import dev.vigil.metrics.MetricsReport.ComponentRepeat;
import dev.vigil.metrics.MetricsReport.MonthCount;
import dev.vigil.metrics.SvgCharts.Bar;
import dev.vigil.metrics.SvgCharts.Chart;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The model of the metrics page: the report's figures as text, and its charts as SVG. */
public final class MetricsPages {
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private MetricsPages() {}

    public record Page(Frame frame, String zone, int months, List<Integer> choices, String firstDay, String today,
            int incidents, Figure perMonth, Durations detect, int withoutProbeEvidence, Durations resolve,
            int stillOpen, int recordedAfterResolution, List<ComponentRepeat> repeats, ActionItemFigures items,
            List<String> ages, Figure onTime) {
        public boolean hasIncidents() {
            return incidents > 0;
        }
    }

    /** A chart and the same figures as a table; svg is made safe by {@link SvgCharts}. */
    public record Figure(String svg, String caption, String labelHeading, String valueHeading, List<Row> rows) {}

    public record Row(String label, String value) {}

    /** A distribution of durations in words; figure is null when there are no durations. */
    public record Durations(int count, String median, String p90, String min, String max, Figure figure) {
        public boolean isEmpty() {
            return count == 0;
        }
    }

    static Page of(Frame frame, String zone, MetricsReport report) {
        return new Page(frame, zone, report.window().months(), Window.CHOICES, DAY.format(report.firstDay()),
                DAY.format(report.today()), report.incidents(), perMonth(report),
                durations("ttd", "Time to detect", report.timeToDetect()), report.withoutProbeEvidence(),
                durations("ttr", "Time to resolve", report.timeToResolve()), report.stillOpen(),
                report.recordedAfterResolution(), report.repeats(), report.actionItems(), ActionItemFigures.AGES,
                onTime(report.actionItems()));
    }

    private static Figure perMonth(MetricsReport report) {
        List<MonthCount> months = report.incidentsPerMonth();
        String title = "Incidents per month, " + MONTH.format(months.get(0).month()) + " to "
                + MONTH.format(months.get(months.size() - 1).month());
        Chart chart = new Chart("incidents-per-month", title, report.incidents() + " incidents in "
                + months.size() + " months; the table beside the chart lists each month.",
                months.stream().map(m -> Bar.of(SHORT_MONTH.format(m.month()), m.count(), Integer.toString(m.count())))
                        .toList());
        return new Figure(SvgCharts.bars(chart), "Incidents per month", "Month", "Incidents",
                months.stream().map(m -> new Row(MONTH.format(m.month()), Integer.toString(m.count()))).toList());
    }

    private static Durations durations(String id, String name, Distribution distribution) {
        if (distribution.isEmpty()) {
            return new Durations(0, "", "", "", "", null);
        }
        List<Distribution.Count> buckets = distribution.histogram();
        Chart chart = new Chart(id + "-histogram", name + ": how many incidents took how long",
                name + " of " + distribution.count() + (distribution.count() == 1 ? " incident" : " incidents")
                        + ": median " + text(distribution.median())
                        + ", 90th percentile " + text(distribution.p90()) + ".",
                buckets.stream().map(b -> Bar.of(b.label(), b.count(), Integer.toString(b.count()))).toList());
        Figure figure = new Figure(SvgCharts.histogram(chart), name + " by range", "Took", "Incidents",
                buckets.stream().map(b -> new Row(b.label(), Integer.toString(b.count()))).toList());
        return new Durations(distribution.count(), text(distribution.median()), text(distribution.p90()),
                text(distribution.min()), text(distribution.max()), figure);
    }

    private static Figure onTime(ActionItemFigures items) {
        List<MonthRate> months = items.onTimeByMonth();
        Chart chart = new Chart("on-time-rate", "Action items done on time, per month of completion",
                "Share of the action items done each month that were done by their due date; months without done "
                        + "items show a dash.",
                months.stream().map(m -> new Bar(SHORT_MONTH.format(m.month()), m.hasData() ? (double) m.percent() : null,
                        m.hasData() ? m.percent() + "%" : "–")).toList());
        return new Figure(SvgCharts.percentages(chart), "Done on time per month", "Month", "On time",
                months.stream().map(m -> new Row(MONTH.format(m.month()),
                        m.hasData() ? m.percent() + "% (" + m.onTime() + " of " + m.done() + ")" : "none done")).toList());
    }

    private static String text(Optional<Duration> duration) {
        return duration.map(TimeFormat::duration).orElse("");
    }
}
