package dev.vigil.postmortems;

import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.markdown.Markdown;
import dev.vigil.outages.Outage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds a postmortem's timeline from what Vigil recorded: each outage's first failed check (with
 * the probe's evidence), its confirmation and recovery; each incident's opening, updates and
 * resolution. Pure: the same rows give the same events, each named by its source row, so storing
 * them again adds only the missing ones.
 */
final class TimelineBuilder {
    public static final String FIRST_FAILURE = "first_failure";
    public static final String CONFIRMED = "confirmed";
    public static final String INCIDENT_OPENED = "incident_opened";
    public static final String UPDATE = "update";
    public static final String RECOVERY = "recovery";
    public static final String RESOLVED = "resolved";
    public static final String NOTE = "note";
    private static final List<String> ORDER = List.of(FIRST_FAILURE, CONFIRMED, INCIDENT_OPENED, UPDATE, RECOVERY,
            RESOLVED, NOTE);

    /** The first failing check of an outage: when, and what the probe saw. */
    public record FirstFailure(Instant at, Integer statusCode, String reason) {}

    /**
     * The rows to build from. firstFailures maps an outage id to its first failing check (absent
     * when retention already removed it); componentNames maps component ids to what people call them.
     */
    public record Records(List<Incident> incidents, List<Outage> outages, Map<Long, FirstFailure> firstFailures,
            Map<String, String> componentNames) {}

    /** The events, oldest first. */
    public List<TimelineEvent.New> build(Records records) {
        List<TimelineEvent.New> events = new ArrayList<>();
        for (Outage outage : records.outages()) {
            events.addAll(outageEvents(outage, records));
        }
        for (Incident incident : records.incidents()) {
            events.addAll(incidentEvents(incident));
        }
        // Events of the same instant in the order things happen: failure, confirmation, opening, updates, recovery.
        events.sort(Comparator.comparing(TimelineEvent.New::at).thenComparing(e -> ORDER.indexOf(e.kind()))
                .thenComparing(TimelineEvent.New::sourceRef));
        return events;
    }

    private static List<TimelineEvent.New> outageEvents(Outage outage, Records records) {
        String what = outage.probeId() + " (" + records.componentNames().getOrDefault(outage.componentId(),
                outage.componentId()) + ")";
        String ref = "outage:" + outage.id() + ":";
        List<TimelineEvent.New> events = new ArrayList<>();
        FirstFailure first = records.firstFailures().get(outage.id());
        events.add(new TimelineEvent.New(first == null ? outage.startedAt() : first.at(), FIRST_FAILURE, ref + "start",
                "First failed check of " + what, evidence(first, outage)));
        events.add(new TimelineEvent.New(outage.confirmedAt(), CONFIRMED, ref + "confirmed",
                "Outage of " + what + " confirmed", outage.confirmingChecks() == null
                        ? "The check failed often enough in a row to open an outage."
                        : "Confirmed by " + outage.confirmingChecks() + " failed checks in a row, enough to open an "
                                + "outage; the first failure: " + outage.firstFailureReason() + "."));
        if (outage.endedWithoutRecovery()) {
            events.add(new TimelineEvent.New(outage.endedAt(), RECOVERY, ref + "recovery",
                    "Monitoring of " + what + " stopped", "The outage closed because its check was removed ("
                    + outage.endReason() + "); no check confirmed a recovery."));
        } else if (outage.endedAt() != null) {
            String confirmed = outage.recoveryConfirmedAt() == null ? ""
                    : " Recovery confirmed by the following checks.";
            events.add(new TimelineEvent.New(outage.endedAt(), RECOVERY, ref + "recovery",
                    "Recovery of " + what, "First passing check after the outage." + confirmed));
        }
        return events;
    }

    private static String evidence(FirstFailure first, Outage outage) {
        if (first == null) {
            return "Reason: " + outage.firstFailureReason();
        }
        String code = first.statusCode() == null ? "no HTTP status" : "HTTP status " + first.statusCode();
        return code + "; reason: " + first.reason();
    }

    private static List<TimelineEvent.New> incidentEvents(Incident incident) {
        String ref = "incident:" + incident.id() + ":";
        List<TimelineEvent.New> events = new ArrayList<>();
        events.add(new TimelineEvent.New(incident.createdAt(), INCIDENT_OPENED, ref + "opened",
                "Incident opened: " + incident.name(), "Impact: " + incident.impact().apiName() + "."));
        for (IncidentUpdate update : incident.updates()) {
            events.add(new TimelineEvent.New(update.displayAt(), UPDATE, "update:" + update.id(),
                    "Update: " + update.status().label(), firstLine(Markdown.plainText(update.body()))));
        }
        if (incident.resolvedAt() != null && !incident.status().isOpen()) {
            events.add(new TimelineEvent.New(incident.resolvedAt(), RESOLVED, ref + "resolved",
                    "Incident resolved: " + incident.name(), ""));
        }
        return events;
    }

    static String firstLine(String body) {
        String trimmed = body == null ? "" : body.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
