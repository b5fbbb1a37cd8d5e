package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A postmortem of an incident our checks opened: a real local target answers 503, then recovers,
 * and the postmortem takes its times, figures and timeline from the recorded checks and outage.
 */
class PostmortemFromOutageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(25);

    @RegisterExtension
    final FreshVigil<Void> vigil = FreshVigil.configured(Desk.PROBED_API).withTarget();
    Desk desk;

    @BeforeEach
    void start() {
        desk = new Desk(vigil.running());
    }

    @Test
    void aPostmortemOfAnAutomaticIncidentTakesItsTimesFiguresAndTimelineFromTheRecords() {
        vigil.target().answer(503);
        RunningVigil.await(PATIENCE, "an automatic incident",
                () -> desk.count("SELECT COUNT(*) FROM incidents WHERE source = 'probe'") == 1);
        long incident = desk.count("SELECT id FROM incidents WHERE source = 'probe'");
        desk.update(incident, "identified", "A bad deploy.\nRolled back.");
        vigil.target().answer(200);
        RunningVigil.await(PATIENCE, "the incident resolved by the recovery",
                () -> desk.count("SELECT COUNT(*) FROM incidents WHERE resolved_at IS NOT NULL") == 1);

        long id = desk.write("", incident);

        long outageStart = desk.count("SELECT started_at FROM outages");
        long confirmed = desk.count("SELECT confirmed_at FROM outages");
        long ended = desk.count("SELECT ended_at FROM outages");
        assertThat(desk.count("SELECT started_at FROM postmortems WHERE id = " + id)).isEqualTo(outageStart);
        assertThat(desk.count("SELECT detected_at FROM postmortems WHERE id = " + id)).isEqualTo(confirmed);
        assertThat(desk.count("SELECT ended_at FROM postmortems WHERE id = " + id)).isEqualTo(ended);
        assertThat(desk.texts("SELECT severity FROM postmortems WHERE id = " + id)).containsExactly("sev1");
        assertThat(desk.texts("SELECT component_id FROM postmortem_components WHERE postmortem_id = " + id))
                .containsExactly("api");
        assertThat(desk.texts("SELECT kind FROM postmortem_timeline WHERE postmortem_id = " + id))
                .contains("first_failure", "confirmed", "incident_opened", "update", "recovery", "resolved");
        assertThat(desk.texts("SELECT detail FROM postmortem_timeline WHERE postmortem_id = " + id
                + " AND kind = 'first_failure'")).singleElement().asString().contains("HTTP status 503");
        assertThat(desk.texts("SELECT detail FROM postmortem_timeline WHERE postmortem_id = " + id
                + " AND kind = 'confirmed'")).singleElement().asString()
                .contains("Confirmed by 2 failed checks in a row").contains("status 503, expected 200");

        String page = desk.staff.victor().get("/console/postmortems/" + id).body();
        assertThat(page).contains("First failed check of api-health (API)").contains("A bad deploy.")
                .doesNotContain("Rolled back.")
                .contains("Customers were affected for <strong>" + duration(outageStart, ended))
                .contains("It went undetected for <strong>" + duration(outageStart, confirmed))
                .contains("it took <strong>" + duration(confirmed, ended)).contains("America/Los_Angeles");

        long events = desk.count("SELECT COUNT(*) FROM postmortem_timeline WHERE postmortem_id = " + id);
        desk.staff.grace().submit("/console/postmortems/" + id, "/console/postmortems/" + id + "/refresh", Map.of());
        assertThat(desk.count("SELECT COUNT(*) FROM postmortem_timeline WHERE postmortem_id = " + id))
                .isEqualTo(events);
        vigil.vigil().database().write(handle -> handle.createUpdate(
                "DELETE FROM postmortem_timeline WHERE kind = 'recovery' AND postmortem_id = " + id).execute());
        desk.staff.grace().submit("/console/postmortems/" + id, "/console/postmortems/" + id + "/refresh", Map.of());
        assertThat(desk.count("SELECT COUNT(*) FROM postmortem_timeline WHERE postmortem_id = " + id))
                .isEqualTo(events);
        assertThat(desk.texts("SELECT kind FROM postmortem_timeline WHERE postmortem_id = " + id)).contains("recovery");
    }

    @Test
    void aPostmortemOfAnIncidentStillGoingOnShowsTheFiguresAsOngoing() {
        vigil.target().down();
        RunningVigil.await(PATIENCE, "an automatic incident",
                () -> desk.count("SELECT COUNT(*) FROM incidents WHERE source = 'probe'") == 1);

        long id = desk.write("Early", desk.count("SELECT id FROM incidents WHERE source = 'probe'"));

        assertThat(desk.count("SELECT COUNT(*) FROM postmortems WHERE ended_at IS NULL AND id = " + id)).isEqualTo(1);
        assertThat(desk.staff.grace().get("/console/postmortems/" + id).body())
                .contains("Customers were affected for <strong>ongoing").contains("Not yet: ongoing")
                .contains("connection refused");
    }

    private static String duration(long from, long to) {
        return TimeFormat.duration(Duration.between(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
    }
}
