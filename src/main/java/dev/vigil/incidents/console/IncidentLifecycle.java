package dev.vigil.incidents.console;

import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.IncidentStatus;
import java.util.List;

/**
 * What posting an update does to an incident. Staff may move between investigating, identified
 * and monitoring in any order, because the work rarely runs in a straight line (a fix being
 * monitored can fail and send everyone back to investigating), and may resolve from any of them.
 * A resolved update to a resolved incident is a follow-up (what the cause was, a credit given)
 * that leaves it resolved; posting one of the open statuses to it reopens it, which is how a
 * problem that came back is told.
 */
final class IncidentLifecycle {
    /** The statuses staff post; "postmortem" belongs to the postmortem feature. */
    static final List<IncidentStatus> POSTABLE = List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
            IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
    /** The statuses a new incident may open with; one that is already over is recorded as a past incident. */
    static final List<IncidentStatus> OPENING = List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED,
            IncidentStatus.MONITORING);

    /** What the update does. */
    enum Step { CONTINUES, RESOLVES, REOPENS, FOLLOWS_UP }

    private IncidentLifecycle() {}

    /** The step an update with the posted status takes, or the reason it cannot be posted. */
    static Step step(IncidentStatus current, IncidentStatus posted) {
        if (!POSTABLE.contains(posted)) {
            throw InvalidInput.of("status", "Choose investigating, identified, monitoring or resolved.");
        }
        if (!current.isOpen()) {
            return posted == IncidentStatus.RESOLVED ? Step.FOLLOWS_UP : Step.REOPENS;
        }
        return posted == IncidentStatus.RESOLVED ? Step.RESOLVES : Step.CONTINUES;
    }

    /**
     * The status the update form starts from: where the incident is. An open incident's next update
     * most often says more of the same; a resolved one's is a follow-up, never a silent reopening.
     */
    static IncidentStatus suggested(IncidentStatus current) {
        return current.isOpen() ? current : IncidentStatus.RESOLVED;
    }

    /** How the form names a status for an incident in the given one, so that reopening is never a surprise. */
    static String label(IncidentStatus current, IncidentStatus posted) {
        if (current.isOpen()) {
            return posted.label();
        }
        return posted == IncidentStatus.RESOLVED ? "Resolved: a follow-up; the incident stays resolved"
                : posted.label() + ": reopens the incident";
    }
}
