package dev.vigil.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What waits for one person when they open the console, read in one go: the open incidents, the
 * notices and postmortems someone has to write, review or publish, their own action items that are
 * late or due soon, and the probes failing right now.
 */
record NeedsMe(List<OpenIncident> incidents, List<NoticeToWrite> notices, List<PostmortemTask> postmortems,
        List<ItemDue> items, List<FailingProbe> probes) {

    boolean isEmpty() {
        return incidents.isEmpty() && notices.isEmpty() && postmortems.isEmpty() && items.isEmpty() && probes.isEmpty();
    }

    /** lastUpdateAt is null for an incident that has no update yet. */
    record OpenIncident(long id, String name, String status, String impact, Instant startedAt, Instant lastUpdateAt,
            String lastUpdateStatus) {}

    /** A resolved incident whose customers have no published notice, or a draft not yet published. */
    record NoticeToWrite(long incidentId, String incidentName, Instant resolvedAt, boolean hasDraft,
            boolean hasPublished) {}

    /** A postmortem this person owns or was asked to review; status is the stored key. */
    record PostmortemTask(long id, String title, String status, boolean asReviewer, Instant since) {}

    record ItemDue(long id, String title, long postmortemId, String postmortemTitle, LocalDate dueOn, String status,
            String trackerUrl, long version) {}

    /**
     * A probe that is down or slow, or whose last checks failed without confirming an outage yet.
     * failingSince is null when nothing is known of the streak.
     */
    record FailingProbe(String probeId, String componentId, String componentName, String status, int failedChecks,
            Instant failingSince, String reason) {}
}
