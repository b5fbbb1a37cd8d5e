package dev.vigil.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the metrics page for one window, computed from the rows {@link MetricsQueries}
 * reads. Time to detect of an incident: its earliest outage's confirmation minus its earliest
 * outage's first failed check; an incident without outages has no probe evidence and no time to
 * detect. Time to resolve: resolution minus detection (the earliest confirmation, or the
 * incident's creation when there was no outage).
 */
public record MetricsReport(Window window, LocalDate firstDay, LocalDate today, List<MonthCount> incidentsPerMonth,
        int incidents, Distribution timeToDetect, int withoutProbeEvidence, Distribution timeToResolve,
        int stillOpen, int recordedAfterResolution, List<ComponentRepeat> repeats, ActionItemFigures actionItems) {

    /** One incident as the metrics see it; firstFailure and firstConfirmed are null without outages. */
    public record IncidentFacts(long id, Instant startedAt, Instant createdAt, Instant resolvedAt, Instant firstFailure,
            Instant firstConfirmed) {}

    /** A component with more than one incident in the window. */
    public record ComponentRepeat(String componentId, String name, int incidents) {}

    public record MonthCount(YearMonth month, int count) {}

    public boolean hasIncidents() {
        return incidents > 0;
    }

    public static MetricsReport compute(Window window, ZoneId zone, Instant now, List<IncidentFacts> incidents,
            List<ComponentRepeat> repeats, List<ActionItemFigures.ItemFacts> items) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<YearMonth> months = window.monthsUpTo(today);
        Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
        months.forEach(m -> perMonth.put(m, 0));
        List<Duration> detect = new ArrayList<>();
        List<Duration> resolve = new ArrayList<>();
        int noEvidence = 0;
        int open = 0;
        int afterTheFact = 0;
        for (IncidentFacts incident : incidents) {
            perMonth.computeIfPresent(YearMonth.from(incident.startedAt().atZone(zone)), (m, n) -> n + 1);
            Instant detectedAt = incident.createdAt();
            if (incident.firstFailure() == null) {
                noEvidence++;
            } else {
                detectedAt = incident.firstConfirmed();
                detect.add(Duration.between(incident.firstFailure(), incident.firstConfirmed()));
            }
            if (incident.resolvedAt() == null) {
                open++;
            } else if (incident.resolvedAt().isBefore(detectedAt)) {
                afterTheFact++; // backfilled: recorded after it was over, so it has no honest time to resolve
            } else {
                resolve.add(Duration.between(detectedAt, incident.resolvedAt()));
            }
        }
        List<MonthCount> counts = perMonth.entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue())).toList();
        return new MetricsReport(window, window.firstDay(today), today, counts, incidents.size(), Distribution.of(detect),
                noEvidence, Distribution.of(resolve), open, afterTheFact, List.copyOf(repeats),
                ActionItemFigures.compute(items, months, zone, today, window.start(today, zone)));
    }
}
