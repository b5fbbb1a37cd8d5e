package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenanceStatusTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant END = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aWindowIsScheduledUntilItsStart() {
        assertThat(MaintenanceStatus.due(START, END, START.minusMillis(1))).isEqualTo(MaintenanceStatus.SCHEDULED);
    }

    @Test
    void aWindowIsInProgressFromItsStart() {
        assertThat(MaintenanceStatus.due(START, END, START)).isEqualTo(MaintenanceStatus.IN_PROGRESS);
        assertThat(MaintenanceStatus.due(START, END, Instant.parse("2026-12-06T11:47:59Z")))
                .isEqualTo(MaintenanceStatus.IN_PROGRESS);
    }

    @Test
    void theFinalTenthOfAWindowIsVerifying() {
        Instant verifying = Instant.parse("2026-12-06T11:48:00Z");

        assertThat(MaintenanceStatus.verifyingFrom(START, END)).isEqualTo(verifying);
        assertThat(MaintenanceStatus.due(START, END, verifying)).isEqualTo(MaintenanceStatus.VERIFYING);
        assertThat(MaintenanceStatus.due(START, END, END.minusMillis(1))).isEqualTo(MaintenanceStatus.VERIFYING);
    }

    @Test
    void aWindowIsCompletedFromItsEnd() {
        assertThat(MaintenanceStatus.due(START, END, END)).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThat(MaintenanceStatus.due(START, END, END.plusSeconds(3600))).isEqualTo(MaintenanceStatus.COMPLETED);
    }

    @Test
    void theStatusesFollowEachOtherInTheApiOrder() {
        assertThat(MaintenanceStatus.SCHEDULED.next()).contains(MaintenanceStatus.IN_PROGRESS);
        assertThat(MaintenanceStatus.IN_PROGRESS.next()).contains(MaintenanceStatus.VERIFYING);
        assertThat(MaintenanceStatus.VERIFYING.next()).contains(MaintenanceStatus.COMPLETED);
        assertThat(MaintenanceStatus.COMPLETED.next()).isEmpty();
        assertThat(MaintenanceStatus.IN_PROGRESS.apiName()).isEqualTo("in_progress");
    }

    @Test
    void eachStepIsDatedWhenItTookEffectByTheClock() {
        assertThat(MaintenanceStatus.IN_PROGRESS.entersAt(START, END)).isEqualTo(START);
        assertThat(MaintenanceStatus.VERIFYING.entersAt(START, END)).isEqualTo(Instant.parse("2026-12-06T11:48:00Z"));
        assertThat(MaintenanceStatus.COMPLETED.entersAt(START, END)).isEqualTo(END);
    }
}
