package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant FAILED_AT = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void theWaitDoublesFromThirtySecondsUpToAnHour() {
        Backoff backoff = Backoff.STANDARD;

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.delayAfter(8)).as("64 minutes, capped").isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theNextAttemptComesAfterTheWaitUntilTheAttemptsAreUsedUp() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 3);

        assertThat(backoff.retryAt(1, FAILED_AT)).contains(FAILED_AT.plusSeconds(30));
        assertThat(backoff.retryAt(2, FAILED_AT)).contains(FAILED_AT.plusSeconds(60));
        assertThat(backoff.retryAt(3, FAILED_AT)).isEmpty();
    }

    @Test
    void tenStandardAttemptsSpanAboutThreeHours() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < Backoff.STANDARD.maxAttempts(); attempt++) {
            total = total.plus(Backoff.STANDARD.delayAfter(attempt));
        }

        assertThat(total).isBetween(Duration.ofHours(3), Duration.ofHours(3).plusMinutes(10));
    }

    @Test
    void aBackoffThatCouldNeverWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(10), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
