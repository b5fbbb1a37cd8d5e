package dev.vigil.probes;

/**
 * What one check saw. Degraded means it answered correctly but slower than the probe allows. Skipped means the
 * check was due but did not run (its reason says why): it is no data, never up and never down.
 */
public enum Outcome {
    UP,
    DEGRADED,
    DOWN,
    SKIPPED;

    public boolean isDown() {
        return this == DOWN;
    }
}
