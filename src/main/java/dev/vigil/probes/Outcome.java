package dev.vigil.probes;

/** What one check saw. Degraded means it answered correctly but slower than the probe allows. */
public enum Outcome {
    UP,
    DEGRADED,
    DOWN;

    public boolean isDown() {
        return this == DOWN;
    }
}
