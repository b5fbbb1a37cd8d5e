package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's action item pages through a real server: Ada (admin), Grace (editor), Victor (viewer). */
class ActionItemConsoleTest {
    static final String CONFIG = """
            components:
              - {id: api, name: Public API}
              - {id: web, name: Web}
            postmortems:
              due_days: {sev1: 10, sev2: 20}
            """;
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;
    Database database;
    long postmortem;
    long graceId;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, CONFIG);
        staff = Staff.assemble(vigil);
        database = vigil.vigil().database();
        postmortem = PostmortemFixtures.in(database, Instant.parse("2026-11-01T00:00:00Z"))
                .postmortemAffecting("Checkout outage", "sev1", "api");
        graceId = staff.idOf("grace@example.com");
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    static LocalDate today() {
        return LocalDate.now(SITE_ZONE);
    }

    private String itemsPage() {
        return "/console/postmortems/" + postmortem + "/action-items";
    }

    private Map<String, String> fields(String title, String due) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", "Page when lag passes **30 s**.");
        fields.put("owner_id", Long.toString(graceId));
        fields.put("kind", "detect");
        fields.put("priority", "P1");
        fields.put("due_on", due);
        fields.put("source", "review");
        fields.put("tracker_url", "https://tracker.example/OPS-1");
        return fields;
    }

    private long add(WebClient who, Map<String, String> fields) {
        HttpResponse<String> created = who.submit(itemsPage(), itemsPage(), fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        return database.read(h -> h.createQuery("SELECT MAX(id) FROM action_items").mapTo(Long.class).one());
    }

    @Test
    void theAddFormPrefillsTheDueDateFromTheConfiguredPolicyInTheSitesZone() {
        String page = staff.grace().get(itemsPage()).body();

        assertThat(page).contains("Due date (America/Los_Angeles)").contains("value=\"" + today().plusDays(10) + "\"")
                .contains("within 10 days").contains("Grace Hopper").contains("Victor Viewer");
        assertThat(staff.grace().get("/console").body()).contains("href=\"/console/action-items\"");
    }

    @Test
    void anEditorAddsEditsMovesAndCommentsOnAnItemAndEachChangeIsARow() {
        long id = add(staff.grace(), fields("Alert on replication lag", today().plusDays(5).toString()));
        String item = "/console/action-items/" + id;

        Map<String, String> edit = fields("Alert on replication lag over 30 s", today().plusDays(5).toString());
        edit.put("priority", "P2");
        edit.put("version", "1");
        assertThat(staff.grace().submit(item, item, edit).statusCode()).isEqualTo(303);
        assertThat(staff.grace().submit(item, item + "/status", Map.of("status", "in_progress", "version", "2"))
                .statusCode()).isEqualTo(303);
        assertThat(staff.grace().submit(item, item + "/comments", Map.of("body", "Dashboard is _ready_.")).statusCode())
                .isEqualTo(303);

        String page = staff.victor().get(item).body();
        assertThat(page).contains("Alert on replication lag over 30 s").contains("In progress")
                .contains("<strong>30 s</strong>").contains("<em>ready</em>")
                .containsPattern("<td[^>]*>Grace Hopper</td><td[^>]*>priority</td><td[^>]*>P1</td><td[^>]*>P2</td>")
                .containsPattern("<td[^>]*>Grace Hopper</td><td[^>]*>status</td><td[^>]*>open</td><td[^>]*>in_progress</td>")
                .contains("due in 5 days");
        assertThat(staff.ada().get("/console/audit").body()).contains("action_item.created")
                .contains("action_item.edited").contains("action_item.status_changed");
    }

    @Test
    void wontDoWithoutAReasonComesBackWithTheReasonMarkedAndNothingSaved() {
        long id = add(staff.grace(), fields("Alert", today().plusDays(5).toString()));
        String item = "/console/action-items/" + id;

        HttpResponse<String> refused = staff.grace().submit(item, item + "/status", Map.of("status", "wont_do",
                "wont_do_reason", " "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please correct the marked fields").contains("Say why this will not be done")
                .containsPattern("id=\"wont_do_reason\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<option value=\"wont_do\" selected>");
        assertThat(status(id)).isEqualTo("open");
        assertThat(staff.grace().submit(item, item + "/status", Map.of("status", "wont_do",
                "wont_do_reason", "Replaced by the new pager")).statusCode()).isEqualTo(303);
        assertThat(staff.grace().get(item).body()).contains("Replaced by the new pager").contains("Won't do");
    }

    @Test
    void aPastDueDateAnImpossibleOneOrAnUnknownOwnerComeBackWithTheFieldMarked() {
        Map<String, String> past = fields("Alert", today().minusDays(1).toString());
        Map<String, String> impossible = fields("Alert", "2027-02-30");
        Map<String, String> stranger = fields("Alert", today().plusDays(3).toString());
        stranger.put("owner_id", "4242");

        HttpResponse<String> pastRefused = staff.grace().submit(itemsPage(), itemsPage(), past);
        assertThat(pastRefused.statusCode()).isEqualTo(400);
        assertThat(pastRefused.body()).contains("a due date cannot be in the past")
                .containsPattern("id=\"due_on\"[^>]*value=\"" + today().minusDays(1) + "\"[^>]*\\s+aria-invalid=\"true\"")
                .contains("value=\"Alert\"");
        assertThat(staff.grace().submit(itemsPage(), itemsPage(), impossible).body()).contains("Enter a real date");
        assertThat(staff.grace().submit(itemsPage(), itemsPage(), stranger).body())
                .contains("There is no active user with the id \"4242\"");
        assertThat(count()).isZero();
    }

    @Test
    void aViewerReadsButCannotWriteAndAnEditorCannotDelete() {
        long id = add(staff.grace(), fields("Alert", today().plusDays(5).toString()));
        String item = "/console/action-items/" + id;

        assertThat(staff.victor().get(itemsPage()).body()).contains("Alert").doesNotContain("Add an action item");
        assertThat(staff.victor().get(item).body()).doesNotContain("Change the status").doesNotContain("Delete this item");
        assertThat(staff.victor().submit(item, itemsPage(), fields("Mine", today().toString())).statusCode()).isEqualTo(403);
        assertThat(staff.victor().submit(item, item + "/status", Map.of("status", "done")).statusCode()).isEqualTo(403);
        assertThat(staff.victor().submit(item, item + "/comments", Map.of("body", "hi")).statusCode()).isEqualTo(403);
        assertThat(staff.grace().get(item).body()).doesNotContain("Delete this item");
        assertThat(staff.grace().submit(item, item + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(1);

        HttpResponse<String> deleted = staff.ada().submit(item, item + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue(itemsPage());
        assertThat(staff.ada().get(item).statusCode()).isEqualTo(404);
    }

    @Test
    void scriptsInTitlesDescriptionsAndCommentsAreShownAsText() {
        Map<String, String> evil = fields("<script>alert('t')</script>", today().plusDays(5).toString());
        evil.put("description", "<img src=x onerror=alert(1)> [x](javascript:alert(2))");
        long id = add(staff.grace(), evil);
        String item = "/console/action-items/" + id;
        staff.grace().submit(item, item + "/comments", Map.of("body", "<script>alert('c')</script>"));

        for (String page : new String[] {item, "/console/action-items", itemsPage()}) {
            String body = staff.grace().get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("href=\"javascript:");
        }
        assertThat(staff.grace().get(item).body()).contains("&lt;script&gt;alert(");
    }

    @Test
    void theBoardFiltersMyItemsComeOverdueFirstAndTheCsvCarriesTheSameFilters() {
        long adaId = staff.idOf("ada@example.com");
        long late = add(staff.grace(), fields("Late item", today().plusDays(1).toString()));
        Map<String, String> adas = fields("Ada's item", today().plusDays(3).toString());
        adas.put("owner_id", Long.toString(adaId));
        adas.put("priority", "P3");
        long other = add(staff.grace(), adas);
        long later = add(staff.grace(), fields("=cmd|' /C calc'!A0", today().plusDays(8).toString()));
        database.write(h -> h.createUpdate("UPDATE action_items SET due_on = :d WHERE id = :id")
                .bind("d", today().minusDays(2).toString()).bind("id", late).execute());

        String board = staff.victor().get("/console/action-items?owner=" + graceId).body();
        assertThat(board).contains("Late item").doesNotContain("Ada's item").contains("2 items")
                .contains("href=\"/console/action-items.csv?owner=" + graceId + "\"");
        assertThat(staff.victor().get("/console/action-items?overdue=1").body()).contains("Late item")
                .contains("Overdue").contains("overdue by 2 days").doesNotContain("=cmd");
        assertThat(staff.victor().get("/console/action-items?priority=P3").body()).contains("Ada's item")
                .doesNotContain("Late item");
        assertThat(staff.victor().get("/console/action-items?status=done").body()).contains("No action items match.");
        assertThat(staff.victor().get("/console/action-items?component=web").body()).contains("No action items match.");
        assertThat(staff.victor().get("/console/action-items?component=api").body()).contains("Late item");
        assertThat(staff.victor().get("/console/action-items?status=finished").statusCode()).isEqualTo(400);

        String mine = staff.grace().get("/console/action-items/mine").body();
        assertThat(mine.indexOf("Late item")).isPositive().isLessThan(mine.indexOf("calc"));
        assertThat(mine).doesNotContain("Ada's item").contains("due in 8 days");

        HttpResponse<String> csv = staff.victor().get("/console/action-items.csv?owner=" + graceId);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("Late item").contains("'=cmd|' /C calc'!A0").doesNotContain("Ada's item")
                .contains(",yes,");
        assertThat(other).isNotEqualTo(later);
    }

    private String status(long id) {
        return database.read(h -> h.createQuery("SELECT status FROM action_items WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    private long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM action_items").mapTo(Long.class).one());
    }

    static long idIn(String location) {
        Matcher m = Pattern.compile("(\\d+)$").matcher(location);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
