package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recording an incident that is already over, with times read in the site's zone. */
class BackfillTest {
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");

    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(Staff.COMPONENTS, staff::signIn);

    @Test
    void aPastIncidentIsRecordedWithItsTimesInTheSiteZone() {
        LocalDateTime start = LocalDateTime.of(2025, 1, 15, 9, 30);

        var response = backfill(Map.of("started_at", "2025-01-15T09:30", "resolved_at", "2025-01-15T11:05"));

        assertThat(response.statusCode()).isEqualTo(303);
        long id = Staff.idFrom(response);
        var row = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT started_at, resolved_at, status FROM incidents WHERE id = :id").bind("id", id).mapToMap().one());
        assertThat(row.get("started_at")).isEqualTo(start.atZone(SITE_ZONE).toInstant().toEpochMilli());
        assertThat(row.get("resolved_at")).isEqualTo(start.plusMinutes(95).atZone(SITE_ZONE).toInstant().toEpochMilli());
        assertThat(row.get("status")).isEqualTo("resolved");
        String page = vigil.get("/incidents/" + id).body();
        assertThat(page).contains("Jan 15, 2025, 9:30 AM PST").contains("Jan 15, 2025, 11:05 AM PST")
                .contains("1 hour 35 minutes").contains("The database filled up.");
        assertThat(componentStatus("api")).isEqualTo("operational");
    }

    @Test
    void theFormSaysWhichZoneItsTimesAreIn() {
        String form = staff.grace.get("/console/incidents/backfill").body();

        assertThat(form).contains("Started at (America/Los_Angeles time)").contains("type=\"datetime-local\"");
    }

    @Test
    void anEndBeforeTheStartIsSentBackWithTheEndMarked() {
        var response = backfill(Map.of("started_at", "2025-01-15T09:30", "resolved_at", "2025-01-15T08:00"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The end must be after the start")
                .contains("value=\"2025-01-15T08:00\"").contains("The database filled up.");
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "resolved_at")).isTrue();
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "started_at")).isFalse();
    }

    @Test
    void aStartInTheFutureIsRefused() {
        String tomorrow = LocalDateTime.now(SITE_ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();

        var response = backfill(Map.of("started_at", tomorrow, "resolved_at", tomorrow));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "started_at")).isTrue();
        assertThat(response.body()).contains("The start is in the future");
    }

    @Test
    void unparseableAndImpossibleDatesAreMarkedNotFailed() {
        var response = backfill(Map.of("started_at", "yesterday-ish", "resolved_at", "2025-02-30T10:00"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "started_at")).isTrue();
        assertThat(OpenIncidentTest.markedInvalid(response.body(), "resolved_at")).isTrue();
        assertThat(response.body()).contains("\"yesterday-ish\" is not a date and time")
                .doesNotContain("Exception");
    }

    private java.net.http.HttpResponse<String> backfill(Map<String, String> times) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Database full", "impact", "major",
                "body", "The database filled up.", "component.api", "major_outage"));
        fields.putAll(times);
        return staff.grace.submit("/console/incidents/backfill", "/console/incidents/backfill", fields);
    }

    private String componentStatus(String id) {
        return vigil.vigil().database().read(handle -> handle.createQuery("SELECT status FROM components WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
