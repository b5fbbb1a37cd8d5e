package dev.vigil.incidents;

import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What one check saw during an incident, for staff only: which probe failed, from when, the first
 * failure's reason (such as "status 503, expected 200"), how many failed checks in a row confirmed
 * it, and how it ended. Customers read the incident's updates, which leave all of this out.
 *
 * @param confirmingChecks null when the outage was not confirmed by a count of checks (older ones,
 *     or one opened when a maintenance window ended)
 * @param endedAt null while it still fails
 * @param endReason null unless it ended without a recovery (its check was removed)
 */
public record Evidence(String componentId, String probeId, Instant firstFailureAt, String firstFailureReason,
        Integer confirmingChecks, Instant confirmedAt, Instant endedAt, String endReason) {

    private static final OutageStore OUTAGES = new OutageStore();

    public static Evidence of(Outage outage) {
        return new Evidence(outage.componentId(), outage.probeId(), outage.startedAt(), outage.firstFailureReason(),
                outage.confirmingChecks(), outage.confirmedAt(), outage.endedAt(), outage.endReason());
    }

    /** The evidence of every outage attached to the incident, oldest first. */
    public static List<Evidence> of(Handle handle, long incidentId) {
        return OUTAGES.forIncident(handle, incidentId).stream().map(Evidence::of).toList();
    }

    /** "2 failed checks in a row at 10:02:30 AM PST", or "confirmed at ..." when not counted. */
    public String confirmation(TimeFormat times) {
        return confirmingChecks == null ? "confirmed at " + times.time(confirmedAt)
                : confirmingChecks + " failed " + (confirmingChecks == 1 ? "check" : "checks in a row") + " at "
                        + times.time(confirmedAt);
    }

    /**
     * One sentence for staff: "Check search-health (Search) failed from 10:02:10 AM PST: status 503,
     * expected 200. Confirmed by 2 failed checks in a row at 10:02:30 AM PST. Still failing."
     */
    public String sentence(TimeFormat times, String componentName) {
        String end = endedAt == null ? "Still failing."
                : endReason != null ? "Monitoring stopped at " + times.time(endedAt) + " (" + endReason + ")."
                : "Passing again from " + times.time(endedAt) + ".";
        String confirmed = confirmingChecks == null ? "Confirmed at " + times.time(confirmedAt) + "."
                : "Confirmed by " + confirmation(times) + ".";
        return "Check %s (%s) failed from %s: %s. %s %s".formatted(probeId, componentName, times.time(firstFailureAt),
                firstFailureReason, confirmed, end);
    }
}
