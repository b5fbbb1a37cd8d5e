package dev.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStatus;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What customers read in an automatic incident: what works and what does not, and for how long. */
class AutoIncidentWordsTest {
    private static final Instant FIRST_FAILURE = Instant.parse("2026-11-25T18:02:40Z");
    private static final Instant BACK = Instant.parse("2026-11-25T18:33:40Z");
    private final AutoIncidentWords words = new AutoIncidentWords(new TimeFormat(ZoneId.of("America/Los_Angeles")));

    @Test
    void aComponentThatStoppedRespondingIsSaidToBeNotRespondingWithoutTheChecksDetails() {
        assertThat(words.name("Search", ComponentStatus.MAJOR_OUTAGE)).isEqualTo("Search is unavailable");
        assertThat(words.opened("Search", ComponentStatus.MAJOR_OUTAGE))
                .isEqualTo("Search is not responding. We are looking into it.");
    }

    @Test
    void aComponentPartlyDownIsSaidToFailSomeRequests() {
        assertThat(words.name("Search", ComponentStatus.PARTIAL_OUTAGE)).isEqualTo("Search is partly unavailable");
        assertThat(words.opened("Search", ComponentStatus.PARTIAL_OUTAGE))
                .isEqualTo("Search is not responding to some requests. We are looking into it.");
    }

    @Test
    void theRecoverySaysForHowLongAndFromWhenToWhenInThePagesZone() {
        assertThat(words.recovered("Search", true, FIRST_FAILURE, BACK))
                .isEqualTo("Search is working again. It was unavailable for 31 minutes, from 10:02 AM to 10:33 AM PST.");
        assertThat(words.recovered("Search", false, FIRST_FAILURE, BACK))
                .isEqualTo("Search is working again. It was partly unavailable for 31 minutes, from 10:02 AM to 10:33 AM PST.");
    }
}
