package dev.vigil.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's reminder log: any signed-in staff member sees who was reminded of what in the last 30 days. */
class ReminderConsoleTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-01-14");
    private static final Instant SENT = Instant.parse("2026-01-14T17:05:00Z");

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components: []\nreminders:\n  time: \"08:30\"\n", Map.of(),
                new ManualClock(SENT.plusSeconds(3600)));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void victorSeesTheDigestsEscalationsAndSummariesOfTheLastThirtyDaysWithTheirZone() {
        staff = Staff.assemble(vigil);
        Database database = vigil.vigil().database();
        ReminderQueries queries = new ReminderQueries();
        long grace = staff.idOf("grace@example.com");
        long ada = staff.idOf("ada@example.com");
        database.write(handle -> {
            queries.recordReminder(handle, grace, TODAY, ReminderKind.DIGEST, SENT, List.of(12L, 13L));
            queries.recordReminder(handle, ada, TODAY, ReminderKind.ESCALATION, SENT, List.of(20L));
            queries.recordReminder(handle, grace, TODAY.minusDays(30), ReminderKind.DIGEST, SENT, List.of(99L));
            return queries.recordSummary(handle, TODAY, SENT);
        });

        HttpResponse<String> page = staff.victor().get("/console/action-items/reminders");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Action item reminders</h1>")
                .contains("after 08:30 (America/Los_Angeles)")
                .contains("No mail server is configured")
                .contains("Grace Hopper &lt;grace@example.com&gt;").contains("Ada Lovelace &lt;ada@example.com&gt;")
                .contains("Jan 14, 2026").contains("Jan 14, 2026, 9:05 AM PST")
                .contains("<a href=\"/console/action-items/12\" aria-label=\"Action item 12\">#12</a>")
                .contains("<a href=\"/console/action-items/20\" aria-label=\"Action item 20\">#20</a>")
                .contains("escalation").contains("Staff alert hooks")
                .as("30 days ago is outside the log").doesNotContain("#99");
    }

    @Test
    void withNothingSentThePageSaysSo() {
        staff = Staff.assemble(vigil);
        assertThat(staff.victor().get("/console/action-items/reminders").body())
                .contains("No reminders were sent in the last 30 days.");
    }

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        HttpResponse<String> response = new WebClient(vigil.url("")).get("/console/action-items/reminders");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
    }
}
