package dev.vigil.incidents;

import dev.vigil.components.ComponentStatus;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;

/**
 * What customers read in an automatic incident: what they can and cannot do, in plain words, with
 * times in the page's zone. The technical evidence (status codes, how many checks, which probe)
 * is for staff and stays out of it; staff find it beside the incident in the console, in their
 * alerts and in the postmortem timeline.
 */
record AutoIncidentWords(TimeFormat times) {

    /** The incident's name: "Search is unavailable", or "partly unavailable" while some of it works. */
    String name(String component, ComponentStatus status) {
        return status == ComponentStatus.MAJOR_OUTAGE ? component + " is unavailable"
                : component + " is partly unavailable";
    }

    /** The first update. */
    String opened(String component, ComponentStatus status) {
        return status == ComponentStatus.MAJOR_OUTAGE
                ? component + " is not responding. We are looking into it."
                : component + " is not responding to some requests. We are looking into it.";
    }

    /** A later update, when more of the component failed. */
    String worse(String component, ComponentStatus status) {
        return status == ComponentStatus.MAJOR_OUTAGE
                ? component + " has now stopped responding altogether. We are still looking into it."
                : component + " is not responding to some requests. We are still looking into it.";
    }

    /**
     * The resolution: "Search is working again. It was unavailable for 31 minutes, from 10:02 AM to
     * 10:33 AM PST."
     *
     * @param fullyDown whether it was unavailable at some point, rather than only partly
     */
    String recovered(String component, boolean fullyDown, Instant from, Instant to) {
        return "%s is working again. It was %s for %s, %s.".formatted(component,
                fullyDown ? "unavailable" : "partly unavailable", TimeFormat.duration(Duration.between(from, to)),
                times.span(from, to));
    }

    /** The resolution when monitoring stopped: nothing is known to have recovered, and it says so. */
    String monitoringStopped(String component, Instant failingSince, Instant stopped) {
        return ("We stopped checking %s automatically at %s, so this incident is closed. This does not mean the "
                + "service recovered: nothing checks it any more. It had not been working for %s, since %s.")
                .formatted(component, times.time(stopped), TimeFormat.duration(Duration.between(failingSince, stopped)),
                        times.dateTime(failingSince));
    }
}
