package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultBufferTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void resultsLeaveInTheOrderTheyCameAndCountAsWaitingUntilDone() throws Exception {
        ResultBuffer buffer = new ResultBuffer(10);
        for (int i = 0; i < 5; i++) {
            buffer.add(check("a", i));
        }

        assertThat(buffer.take(3, Duration.ZERO)).extracting(CheckResult::scheduledAt)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(buffer.size()).isEqualTo(5);
        buffer.done();
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.take(3, Duration.ZERO)).hasSize(2);
    }

    @Test
    void aFullBufferDropsItsOldestAndKeepsAPerProbeAccountOfThem() {
        ResultBuffer buffer = new ResultBuffer(2);

        assertThat(buffer.add(check("a", 0))).isFalse();
        assertThat(buffer.add(check("b", 1))).isFalse();
        assertThat(buffer.add(check("a", 2))).isTrue();
        assertThat(buffer.add(check("a", 3))).isTrue();
        assertThat(buffer.add(check("a", 4))).isTrue();

        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.dropped()).isEqualTo(3);
        assertThat(buffer.takeLost()).containsExactly(
                new ResultBuffer.Lost("a", 2, check("a", 0), check("a", 2)),
                new ResultBuffer.Lost("b", 1, check("b", 1), check("b", 1)));
        assertThat(buffer.takeLost()).isEmpty();
    }

    @Test
    void takingFromAnEmptyBufferWaitsOnlyAsLongAsAsked() throws Exception {
        ResultBuffer buffer = new ResultBuffer(2);
        long start = System.nanoTime();

        assertThat(buffer.take(10, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    private static CheckResult check(String probe, int second) {
        return CheckResult.of(probe, T0.plusSeconds(second), Outcome.UP, "OK");
    }
}
