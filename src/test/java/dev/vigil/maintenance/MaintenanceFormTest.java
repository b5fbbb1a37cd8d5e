package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.errors.InvalidInput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceFormTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = Instant.parse("2026-11-25T18:04:30Z"); // 10:04:30 AM PST
    private static final Set<String> COMPONENTS = Set.of("web", "api");

    @Test
    void aCompleteFormGivesAWindowInTheSiteTimeZone() {
        NewMaintenance window = form("  Database upgrade ", List.of("web", "api"), "2026-11-29T02:00", "2026-11-29T04:00",
                "FREQ=WEEKLY;BYDAY=SU;COUNT=4").check(LOS_ANGELES, NOW, COMPONENTS);

        assertThat(window.name()).isEqualTo("Database upgrade");
        assertThat(window.componentIds()).containsExactly("web", "api");
        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(window.rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=SU;COUNT=4");
    }

    @Test
    void anEmptyRuleMeansASingleWindow() {
        assertThat(form("Upgrade", List.of("web"), "2026-11-29T02:00", "2026-11-29T04:00", " ")
                .check(LOS_ANGELES, NOW, COMPONENTS).rrule()).isNull();
    }

    @Test
    void aWindowMayStartInTheCurrentMinuteAndTimesMayHaveSeconds() {
        NewMaintenance window = form("Now", List.of("web"), "2026-11-25T10:04", "2026-11-25T10:05:30", "")
                .check(LOS_ANGELES, NOW, COMPONENTS);

        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-25T18:05:30Z"));
    }

    @Test
    void anEndBeforeTheStartIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web"), "2026-11-29T04:00", "2026-11-29T02:00", "")))
                .containsOnlyKeys("end");
    }

    @Test
    void anUnreadableDateIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web"), "next sunday", "2026-11-29T02:00", "")))
                .containsOnlyKeys("start").containsValue("Enter a date and time such as 2026-12-06T02:00.");
    }

    @Test
    void aStartInThePastIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web"), "2026-11-25T10:03", "2026-11-25T11:00", "")))
                .containsOnlyKeys("start");
    }

    @Test
    void aTimeTheClocksSkipIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web"), "2027-03-14T02:30", "2027-03-14T04:00", "")).get("start"))
                .contains("does not exist in America/Los_Angeles");
    }

    @Test
    void aBadRuleIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web"), "2026-11-29T02:00", "2026-11-29T04:00", "FREQ=FORTNIGHTLY")))
                .containsOnlyKeys("rrule");
    }

    @Test
    void anUnknownComponentOrNoneIsMarked() {
        assertThat(problems(form("Upgrade", List.of("web", "mainframe"), "2026-11-29T02:00", "2026-11-29T04:00", "")))
                .containsOnlyKeys("components");
        assertThat(problems(form("Upgrade", List.of(), "2026-11-29T02:00", "2026-11-29T04:00", "")))
                .containsOnlyKeys("components");
    }

    @Test
    void overLongFieldsAreMarked() {
        MaintenanceForm tooLong = new MaintenanceForm("n".repeat(201), "d".repeat(10_001), List.of("web"),
                "2026-11-29T02:00", "2026-11-29T04:00", "");

        assertThat(problems(tooLong)).containsOnlyKeys("name", "description");
    }

    @Test
    void everyFieldIsCheckedAtOnce() {
        MaintenanceForm empty = new MaintenanceForm(null, null, null, null, null, null);

        assertThat(problems(empty)).containsOnlyKeys("name", "components", "start", "end");
    }

    private static MaintenanceForm form(String name, List<String> components, String start, String end, String rrule) {
        return new MaintenanceForm(name, "We upgrade the **database**.", components, start, end, rrule);
    }

    private static java.util.Map<String, String> problems(MaintenanceForm form) {
        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> form.check(LOS_ANGELES, NOW, COMPONENTS));
        assertThat(invalid).as("the form is refused").isNotNull();
        return invalid.fields();
    }
}
