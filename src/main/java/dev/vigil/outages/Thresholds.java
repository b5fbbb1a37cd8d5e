package dev.vigil.outages;

/**
 * How many consecutive results confirm a change. Going worse (up to degraded, anything to down)
 * takes failuresToOpen; getting better takes successesToClose.
 */
public record Thresholds(int failuresToOpen, int successesToClose) {
    public Thresholds {
        if (failuresToOpen < 1 || successesToClose < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
    }
}
