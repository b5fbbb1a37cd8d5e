package dev.vigil.probes;

/** The confirmed status of one probe: what its thresholds have agreed on, not its last check. */
public enum ProbeStatus {
    UP,
    DEGRADED,
    DOWN
}
