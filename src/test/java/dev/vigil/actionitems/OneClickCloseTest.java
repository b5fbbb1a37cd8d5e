package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing an action item is one action from any list that shows it, and the list then offers the undo. */
class OneClickCloseTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;
    Database database;
    long postmortem;
    long item;

    private void start(String policy) {
        vigil = RunningVigil.start(dataDir, "components:\n  - {id: api, name: Public API}\n" + policy);
        staff = Staff.assemble(vigil);
        database = vigil.vigil().database();
        postmortem = PostmortemFixtures.in(database, Instant.parse("2026-11-01T00:00:00Z"))
                .postmortemAffecting("Checkout outage", "sev1", "api");
        HttpResponse<String> created = staff.grace().submit(items(), items(), Map.of("title", "Alert on checkout errors",
                "description", "", "owner_id", Long.toString(staff.idOf("grace@example.com")), "kind", "detect",
                "priority", "P1", "due_on", ActionItemConsoleTest.today().plusDays(3).toString(), "source", "review"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        item = database.read(h -> h.createQuery("SELECT MAX(id) FROM action_items").mapTo(Long.class).one());
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    private String items() {
        return "/console/postmortems/" + postmortem + "/action-items";
    }

    private String status() {
        return database.read(h -> h.createQuery("SELECT status FROM action_items WHERE id = :id").bind("id", item)
                .mapTo(String.class).one());
    }

    private HttpResponse<String> done(String from, Map<String, String> extra) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("back", from, "version", "1"));
        fields.putAll(extra);
        return staff.grace().submit(from, "/console/action-items/" + item + "/done", fields);
    }

    @Test
    void everyListThatShowsAnItemOffersItsDoneButtonToEditorsOnly() {
        start("");
        String button = "action=\"/console/action-items/" + item + "/done\"";
        for (String list : java.util.List.of("/console", "/console/action-items", "/console/action-items/mine", items(),
                "/console/postmortems/" + postmortem, "/console/action-items/" + item)) {
            assertThat(staff.grace().get(list).body()).as(list).contains(button);
            assertThat(staff.victor().get(list).body()).as(list + " for a viewer").doesNotContain(button);
        }
    }

    @Test
    void oneClickClosesTheItemAndReturnsToTheListWhichOffersTheUndo() {
        start("");
        HttpResponse<String> closed = done("/console/action-items?priority=P1", Map.of());

        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(closed.headers().firstValue("Location"))
                .hasValue("/console/action-items?priority=P1&closed=" + item + "&was=open");
        assertThat(status()).isEqualTo("done");
        String list = staff.grace().get("/console/action-items?priority=P1&closed=" + item + "&was=open").body();
        assertThat(list).contains("“Alert on checkout errors” is done.").contains("Undo: back to Open")
                .contains("name=\"back\" value=\"/console/action-items?priority=P1\"");

        HttpResponse<String> undone = staff.grace().submit("/console/action-items?closed=" + item + "&was=open",
                "/console/action-items/" + item + "/status",
                Map.of("status", "open", "version", "2", "back", "/console/action-items?priority=P1"));
        assertThat(undone.headers().firstValue("Location")).hasValue("/console/action-items?priority=P1");
        assertThat(status()).isEqualTo("open");
        assertThat(staff.grace().get("/console/action-items?closed=" + item + "&was=open").body())
                .as("an undone close offers no second undo").doesNotContain("is done.");
    }

    @Test
    void aReturnAddressOutsideTheConsoleIsIgnored() {
        start("");
        HttpResponse<String> closed = done("/console", Map.of("back", "https://evil.example/console"));

        assertThat(closed.headers().firstValue("Location")).hasValue("/console/action-items/" + item + "?closed=" + item
                + "&was=open");
    }

    @Test
    void whenThePolicyAsksForALinkDoneWithoutOneIsRefusedOnTheFieldAndWithOneItCloses() {
        start("postmortems:\n  done_requires_link: true\n");
        assertThat(staff.grace().get("/console").body()).as("the home's button asks for the link")
                .contains("name=\"tracker_url\" type=\"url\" required");

        HttpResponse<String> refused = done("/console", Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Add a link to the change");
        assertThat(status()).isEqualTo("open");

        HttpResponse<String> closed = done("/console", Map.of("tracker_url", "https://git.example/pull/42"));
        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(status()).isEqualTo("done");
        String link = database.read(h -> h.createQuery("SELECT tracker_url FROM action_items WHERE id = :id")
                .bind("id", item).mapTo(String.class).one());
        assertThat(link).isEqualTo("https://git.example/pull/42");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        start("");
        done("/console", Map.of());
        staff.grace().submit("/console", "/console/action-items/" + item + "/status",
                Map.of("status", "open", "version", "2"));

        HttpResponse<String> stale = done("/console", Map.of("version", "1"));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(status()).isEqualTo("open");
    }
}
