package dev.vigil.maintenance;

import static dev.vigil.testing.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release script schedules and cancels maintenance windows through the admin API with Grace's editor token. */
class MaintenanceApiTest {
    private static final String COMPONENTS = """
            components:
              - id: web
                name: Web application
              - id: search
                name: Search
            """;

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    ApiClient api;
    String editor;
    String viewer;
    Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, COMPONENTS);
        Staff staff = Staff.assemble(vigil);
        editor = staff.apiToken("release script", "editor");
        viewer = staff.apiToken("dashboard", "viewer");
        api = new ApiClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void anEditorSchedulesAWindowGivenInAnyOffset() {
        String start = tomorrow.atOffset(ZoneOffset.ofHours(2)).toString();
        var created = api.post("/api/v1/maintenances", editor, """
                {"name": "Database upgrade", "description": "Search is read-only.", "component_ids": ["search"],
                 "scheduled_for": "%s", "scheduled_until": "%s"}""".formatted(start, tomorrow.plus(2, ChronoUnit.HOURS)));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode window = ApiClient.json(created);
        String id = window.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/maintenances/" + id);
        assertThat(window.get("name").asText()).isEqualTo("Database upgrade");
        assertThat(window.get("status").asText()).isEqualTo("scheduled");
        assertThat(OffsetDateTime.parse(window.get("scheduled_for").asText()).toInstant()).isEqualTo(tomorrow);
        assertThat(OffsetDateTime.parse(window.get("scheduled_until").asText()).toInstant())
                .isEqualTo(tomorrow.plus(2, ChronoUnit.HOURS));
        assertThat(window.get("component_ids").toString()).isEqualTo("[\"search\"]");
        assertThat(window.get("rrule").isNull()).isTrue();
        assertThat(window.get("updates").get(0).get("body").asText()).isEqualTo("Search is read-only.");
    }

    @Test
    void windowsCanBeReadWithAViewerToken() {
        String id = schedule("Database upgrade");

        JsonNode list = ApiClient.json(api.get("/api/v1/maintenances", viewer));
        JsonNode one = ApiClient.json(api.get("/api/v1/maintenances/" + id, viewer));

        assertThat(each(list.get("maintenances"), "id")).containsExactly(id);
        assertThat(one.get("name").asText()).isEqualTo("Database upgrade");
        assertThat(one.get("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void aRecurringWindowGetsItsComingWindowsAtOnce() {
        var created = api.post("/api/v1/maintenances", editor, body("Nightly backup", tomorrow.toString(),
                tomorrow.plus(1, ChronoUnit.HOURS).toString(), "\"rrule\": \"FREQ=DAILY;COUNT=3\""));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(created).get("rrule").asText()).isEqualTo("FREQ=DAILY;COUNT=3");
        JsonNode list = ApiClient.json(api.get("/api/v1/maintenances", viewer)).get("maintenances");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(1).get("series_id").asText()).isEqualTo(list.get(0).get("id").asText());
    }

    @Test
    void theConsoleFormsRulesRefuseABadWindowWithAMessagePerField() {
        var response = api.post("/api/v1/maintenances", editor, """
                {"name": "", "component_ids": [], "scheduled_for": "%s", "scheduled_until": "%s",
                 "rrule": "FREQ=FORTNIGHTLY"}""".formatted(tomorrow, tomorrow.minus(1, ChronoUnit.HOURS)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "invalid_input");
        JsonNode fields = ApiClient.json(response).get("fields");
        assertThat(fields.get("name").asText()).contains("name of 1 to 200 characters");
        assertThat(fields.get("component_ids").asText()).isEqualTo("Choose at least one component.");
        assertThat(fields.get("scheduled_until").asText()).isEqualTo("End after the start.");
        assertThat(fields.get("rrule").asText()).contains("Unknown FREQ value");
    }

    @Test
    void timesNeedAnOffsetAndAStartThatHasNotPassed() {
        var noOffset = api.post("/api/v1/maintenances", editor, body("Upgrade", "2099-12-06T02:00",
                "2099-12-06T04:00:00Z", null));
        var past = api.post("/api/v1/maintenances", editor, body("Upgrade",
                Instant.now().minus(1, ChronoUnit.HOURS).toString(), tomorrow.toString(), null));

        assertThat(noOffset.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noOffset).at("/fields/scheduled_for").asText()).contains("with its offset");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(past).at("/fields/scheduled_for").asText()).contains("cannot begin in the past");
    }

    @Test
    void anUnknownComponentOrFieldIsRefused() {
        var unknownComponent = api.post("/api/v1/maintenances", editor, """
                {"name": "Upgrade", "component_ids": ["billing"], "scheduled_for": "%s", "scheduled_until": "%s"}"""
                .formatted(tomorrow, tomorrow.plus(1, ChronoUnit.HOURS)));
        var unknownField = api.post("/api/v1/maintenances", editor, """
                {"name": "Upgrade", "components": ["web"], "scheduled_for": "%s", "scheduled_until": "%s"}"""
                .formatted(tomorrow, tomorrow.plus(1, ChronoUnit.HOURS)));

        assertThat(unknownComponent.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownComponent).at("/fields/component_ids").asText()).contains("no longer exists");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownField).at("/fields/components").asText()).contains("Unknown field");
    }

    @Test
    void anEditorCancelsAWindowOnce() {
        String id = schedule("Database upgrade");

        var cancelled = api.post("/api/v1/maintenances/" + id + "/cancel", editor, null);
        var again = api.post("/api/v1/maintenances/" + id + "/cancel", editor, null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        JsonNode window = ApiClient.json(cancelled);
        assertThat(window.get("status").asText()).isEqualTo("completed");
        assertThat(window.get("cancelled_at").isNull()).isFalse();
        assertThat(window.get("updates").get(0).get("body").asText()).contains("cancelled");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(again).at("/fields/cancel").asText()).contains("already completed");
    }

    @Test
    void cancellingWithSeriesAlsoCancelsTheLaterWindows() {
        api.post("/api/v1/maintenances", editor, body("Nightly backup", tomorrow.toString(),
                tomorrow.plus(1, ChronoUnit.HOURS).toString(), "\"rrule\": \"FREQ=DAILY;COUNT=3\""));
        String first = ApiClient.json(api.get("/api/v1/maintenances", viewer)).at("/maintenances/0/id").asText();

        var cancelled = api.post("/api/v1/maintenances/" + first + "/cancel", editor, "{\"series\": true}");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        JsonNode list = ApiClient.json(api.get("/api/v1/maintenances", viewer)).get("maintenances");
        assertThat(each(list, "status")).containsExactly("completed", "completed", "completed");
    }

    @Test
    void viewersMayNotScheduleOrCancel() {
        String id = schedule("Database upgrade");

        var create = api.post("/api/v1/maintenances", viewer, body("Upgrade", tomorrow.toString(),
                tomorrow.plus(1, ChronoUnit.HOURS).toString(), null));
        var cancel = api.post("/api/v1/maintenances/" + id + "/cancel", viewer, null);

        assertThat(create.statusCode()).isEqualTo(403);
        assertError(create, "forbidden");
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/maintenances", null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/maintenances/" + id + "/cancel", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownWindowsAreNotFound() {
        assertError(api.get("/api/v1/maintenances/99999", viewer), "not_found");
        assertError(api.get("/api/v1/maintenances/not-a-number", viewer), "not_found");
        var cancel = api.post("/api/v1/maintenances/99999/cancel", editor, null);
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertError(cancel, "not_found");
    }

    private String schedule(String name) {
        var created = api.post("/api/v1/maintenances", editor, body(name, tomorrow.toString(),
                tomorrow.plus(1, ChronoUnit.HOURS).toString(), null));
        assertThat(created.statusCode()).isEqualTo(201);
        return ApiClient.json(created).get("id").asText();
    }

    /** One field of each element; findValuesAsText would also descend into the updates. */
    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private static String body(String name, String start, String end, String more) {
        return """
                {"name": "%s", "component_ids": ["web"], "scheduled_for": "%s", "scheduled_until": "%s"%s}"""
                .formatted(name, start, end, more == null ? "" : ", " + more);
    }
}
