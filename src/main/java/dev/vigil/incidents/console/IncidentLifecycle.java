package dev.vigil.incidents.console;

import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.IncidentStatus;
import java.util.List;

/**
 * What posting an update does to an incident. Staff may move between investigating, identified
 * and monitoring in any order, because the work rarely runs in a straight line (a fix being
 * monitored can fail and send everyone back to investigating), and may resolve from any of them.
 * A resolved incident takes no second "resolved" update; posting one of the open statuses to it
 * reopens it, which is how a problem that came back is told.
 */
final class IncidentLifecycle {
    /** The statuses staff post; "postmortem" belongs to the postmortem feature. */
    static final List<IncidentStatus> POSTABLE = List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
            IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
    /** The statuses a new incident may open with; one that is already over is recorded as a past incident. */
    static final List<IncidentStatus> OPENING = List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
            IncidentStatus.MONITORING);

    /** What the update does. */
    enum Step { CONTINUES, RESOLVES, REOPENS }

    private IncidentLifecycle() {}

    /** The step an update with the posted status takes, or the reason it cannot be posted. */
    static Step step(IncidentStatus current, IncidentStatus posted) {
        if (!POSTABLE.contains(posted)) {
            throw InvalidInput.of("status", "Choose investigating, identified, monitoring or resolved.");
        }
        if (!current.isOpen()) {
            if (posted == IncidentStatus.RESOLVED) {
                throw InvalidInput.of("status", "This incident is already resolved. To correct what it says, correct "
                        + "an update; if the problem is back, post investigating, identified or monitoring to reopen it.");
            }
            return Step.REOPENS;
        }
        return posted == IncidentStatus.RESOLVED ? Step.RESOLVES : Step.CONTINUES;
    }
}
