package dev.vigil.demo;

import dev.vigil.config.VigilConfig;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeTransition;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What the probes recorded during a seeded demo incident: the failing and passing checks and the
 * outage rows, linked to the incident, so that a postmortem of it is filled from evidence the way
 * a real one is (issue 4), not only from the incident's own times.
 */
final class DemoEvidence {
    private static final Duration CHECK_TIME = Duration.ofMillis(180);

    private final VigilConfig config;
    private final CheckStore checks = new CheckStore();
    private final OutageStore outages = new OutageStore();

    DemoEvidence(VigilConfig config) {
        this.config = config;
    }

    /**
     * Records an outage of the probe from its first failed check to its first passing one, confirmed
     * after the probe's failures_to_open (and recovery after its successes_to_close) checks.
     */
    void outage(Handle handle, String probeId, long incidentId, Instant firstFailure, Instant recovery, int status,
            String reason) {
        config.probes().stream().filter(p -> p.id().equals(probeId)).findFirst().ifPresent(probe -> {
            Duration interval = probe.interval();
            Instant confirmed = firstFailure.plus(interval.multipliedBy(probe.failuresToOpen() - 1L));
            Instant recoveryConfirmed = recovery.plus(interval.multipliedBy(probe.successesToClose() - 1L));
            for (Instant at = firstFailure; !at.isAfter(confirmed); at = at.plus(interval)) {
                checks.insert(handle, check(probeId, at, Outcome.DOWN, reason, status, interval));
            }
            checks.insert(handle, check(probeId, recovery, Outcome.UP, "ok", 200, interval));
            long id = outages.open(handle, probeId, probe.componentId(),
                    new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, firstFailure, confirmed, reason));
            outages.attachToIncident(handle, id, incidentId);
            outages.close(handle, probeId,
                    new ProbeTransition(ProbeStatus.DOWN, ProbeStatus.UP, recovery, recoveryConfirmed, "ok"));
        });
    }

    private static CheckResult check(String probeId, Instant at, Outcome outcome, String reason, int status,
            Duration interval) {
        return new CheckResult(probeId, at, at, CHECK_TIME, CHECK_TIME.dividedBy(2), outcome, reason, status, interval);
    }
}
