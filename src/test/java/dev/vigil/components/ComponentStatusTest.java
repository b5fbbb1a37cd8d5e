package dev.vigil.components;

import static dev.vigil.probes.ProbeStatus.DEGRADED;
import static dev.vigil.probes.ProbeStatus.DOWN;
import static dev.vigil.probes.ProbeStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStatusTest {

    @Test
    void oneOfTwoProbesDownIsAPartialOutage() {
        assertThat(ComponentStatus.fromProbes(List.of(UP, DOWN))).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }

    @Test
    void allProbesDownIsAMajorOutage() {
        assertThat(ComponentStatus.fromProbes(List.of(DOWN, DOWN))).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }

    @Test
    void aSlowProbeIsDegradedPerformance() {
        assertThat(ComponentStatus.fromProbes(List.of(UP, DEGRADED))).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
    }

    @Test
    void downOutranksDegraded() {
        assertThat(ComponentStatus.fromProbes(List.of(DEGRADED, DOWN))).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }

    @Test
    void aComponentWithoutProbesIsOperational() {
        assertThat(ComponentStatus.fromProbes(List.of())).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void aGroupShowsItsWorstChild() {
        assertThat(ComponentStatus.worst(List.of(ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE,
                ComponentStatus.DEGRADED_PERFORMANCE))).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }
}
