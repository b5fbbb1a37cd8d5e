package dev.vigil.probes;

/**
 * The pings of heartbeat probes (issue 11) as the heartbeat feature keeps them: stored as rows when they arrive,
 * and held in memory so that a heartbeat's check reads them without waiting for the database.
 */
public interface PingBook {
    /** What is known of the probe's pings now; {@link LatestPings#NONE} for a probe it does not follow. */
    LatestPings latest(String probeId);
}
