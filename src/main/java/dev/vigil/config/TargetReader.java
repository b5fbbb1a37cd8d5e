package dev.vigil.config;

import java.time.Duration;
import java.util.List;

/** Reads the keys of one probe type into its {@link ProbeTarget}; the shared keys are read by {@link ProbeReader}. */
interface TargetReader {
    /** The keys this type adds to the shared ones. */
    List<String> keys();

    /**
     * @param timeout the probe's timeout, or null when it was wrong (reported already)
     * @return the target, or null when a problem was reported
     */
    ProbeTarget read(Section probe, Duration timeout);
}
