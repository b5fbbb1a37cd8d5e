package dev.vigil.postmortems;

import dev.vigil.incidents.Incident;
import dev.vigil.outages.Outage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new postmortem's start, detection and end, taken from the records of its incidents: the
 * first failed check, the outage's confirmation and its recovery, or the incident's own start,
 * creation and resolution where no outage was recorded. The end stays empty while any incident
 * or outage is still open. Pure.
 */
record RecordedTimes(Instant startedAt, Instant detectedAt, Instant endedAt) {

    static RecordedTimes of(List<Incident> incidents, Map<Long, List<Outage>> outagesByIncident) {
        Instant started = null;
        Instant detected = null;
        Instant ended = null;
        boolean ongoing = false;
        for (Incident incident : incidents) {
            List<Outage> outages = outagesByIncident.getOrDefault(incident.id(), List.of());
            started = earliest(started, outages.isEmpty() ? incident.startedAt()
                    : outages.stream().map(Outage::startedAt).min(Instant::compareTo).orElseThrow());
            detected = earliest(detected, outages.isEmpty() ? incident.createdAt()
                    : outages.stream().map(Outage::confirmedAt).min(Instant::compareTo).orElseThrow());
            boolean outageOpen = outages.stream().anyMatch(Outage::isOpen);
            Instant end = outages.isEmpty() || outageOpen ? incident.resolvedAt()
                    : outages.stream().map(Outage::endedAt).max(Instant::compareTo).orElseThrow();
            if (outageOpen || incident.status().isOpen() || end == null) {
                ongoing = true;
            } else {
                ended = ended == null || end.isAfter(ended) ? end : ended;
            }
        }
        return new RecordedTimes(started, detected, ongoing ? null : ended);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
