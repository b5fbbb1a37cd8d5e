package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
    private final TimeFormat pacific = new TimeFormat(ZoneId.of("America/Los_Angeles"));

    @Test
    void aSpanWithinOneDayNamesTheZoneOnce() {
        assertThat(pacific.span(Instant.parse("2026-11-25T18:02:40Z"), Instant.parse("2026-11-25T18:33:59Z")))
                .isEqualTo("from 10:02 AM to 10:33 AM PST");
    }

    @Test
    void aSpanOverMidnightGivesBothDates() {
        assertThat(pacific.span(Instant.parse("2026-11-26T07:50:00Z"), Instant.parse("2026-11-26T08:20:00Z")))
                .isEqualTo("from Nov 25, 2026, 11:50 PM PST to Nov 26, 2026, 12:20 AM PST");
    }

    @Test
    void aSpanOverTheClockChangeNamesEachEndsZone() {
        assertThat(pacific.span(Instant.parse("2026-11-01T08:30:00Z"), Instant.parse("2026-11-01T09:10:00Z")))
                .isEqualTo("from 1:30 AM PDT to 1:10 AM PST");
    }
}
