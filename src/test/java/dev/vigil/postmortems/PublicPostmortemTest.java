package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.CustomerViews;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public version of a postmortem: Grace writes it, Ada approves the postmortem, and customers
 * read it on the incident's public page and in the feeds once the incident is resolved.
 */
class PublicPostmortemTest {
    private static final String APOLOGY = "We are sorry: for 40 minutes the API refused requests.\n\n"
            + "### What we are changing\n\nDisks are now watched.";

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;
    Database database;
    PostmortemFixtures postmortems;
    long incident;
    long postmortem;
    String page;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "");
        staff = Staff.assemble(vigil);
        database = vigil.vigil().database();
        postmortems = PostmortemFixtures.in(database);
        incident = Incidents.open(staff.grace(), "API outage");
        postmortem = postmortems.postmortemOf("Disk full on the API", incident);
        page = "/console/postmortems/" + postmortem + "/public";
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void publishingWhileTheIncidentIsOpenIsRefusedAndChangesNothing() {
        approve();
        assertThat(form("", Map.of("draft", APOLOGY)).statusCode()).isEqualTo(303);
        long version = postmortems.version(postmortem);

        HttpResponse<String> refused = form("/publish", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("can be published only once its incidents are resolved; still open: “API outage”");
        assertThat(postmortems.status(postmortem)).isEqualTo("approved");
        assertThat(postmortems.version(postmortem)).isEqualTo(version);
        assertThat(vigil.get("/incidents/" + incident).body()).doesNotContain("Postmortem:").doesNotContain("We are sorry");
    }

    @Test
    void afterTheIncidentIsResolvedThePublishedVersionIsOnTheIncidentPageAndInTheFeed() {
        approve();
        form("", Map.of("draft", APOLOGY));
        Incidents.resolve(staff.grace(), incident);

        assertThat(form("/publish", Map.of()).statusCode()).isEqualTo(303);

        assertThat(postmortems.status(postmortem)).isEqualTo("published");
        assertThat(vigil.get("/incidents/" + incident).body()).contains("Postmortem: Disk full on the API")
                .contains("<h3>What we are changing</h3>").contains("for 40 minutes the API refused requests");
        RunningVigil.await(Duration.ofSeconds(5), "the postmortem in the Atom feed",
                () -> vigil.get("/history.atom").body().contains("Postmortem: Disk full on the API"));
        assertThat(vigil.get("/history.rss").body()).contains("Postmortem: Disk full on the API");
        long publishedRevisions = database.read(handle -> handle.createQuery("""
                SELECT COUNT(*) FROM postmortem_revisions WHERE postmortem_id = :id AND field = 'public_body'""")
                .bind("id", postmortem).mapTo(Long.class).one());
        assertThat(publishedRevisions).isEqualTo(1);
    }

    @Test
    void theStartingTextIsTheWriteUpAndWithItsPromptsLeftPublishingIsRefusedNamingEachPartAndNothingIsShown() {
        String skeleton = startingTextOfAWriteUp();
        assertThat(skeleton).contains("**API outage**").contains("Started:").contains("Resolved:")
                .contains("America/Los_Angeles time zone").contains("### Your data")
                .contains("http://status.test/incidents/" + incident)
                .contains("### What happened").contains("The API refused requests for 40 minutes.")
                .contains("[Write: internal only. Below is what the team wrote in “Root causes”")
                .contains("Nobody rotated the logs on db-7.");
        assertThat(staff.grace().get(page).body()).as("the starting text previewed with its prompts marked")
                .contains("<mark class=\"prompt\">[Write: internal only.");
        assertThat(form("", Map.of("draft", skeleton)).statusCode()).isEqualTo(303);
        long version = postmortems.version(postmortem);

        HttpResponse<String> refused = form("/publish", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(StringEscapeUtils.unescapeHtml4(refused.body())).contains("Write these parts before publishing: "
                + "Opening, Why it happened, How we fixed it, Your data, What we are changing.");
        assertThat(postmortems.status(postmortem)).isEqualTo("approved");
        assertThat(postmortems.version(postmortem)).isEqualTo(version);
        assertThat(CustomerViews.of(vigil, incident)).doesNotContain("Postmortem:").doesNotContain("db-7")
                .doesNotContain("[Write:").doesNotContain("The API refused requests");
    }

    @Test
    void onceEveryPromptIsReplacedThePublicVersionIsPublished() {
        String written = startingTextOfAWriteUp()
                .replaceFirst("\\[Write: internal only[^\\]]*\\]\n\nNobody rotated the logs on db-7\\.",
                        "Old logs filled the disk of our database.")
                .replaceFirst("\\[Write: a sincere apology[^\\]]*\\]", "We are sorry: for 40 minutes you could not work.")
                .replaceAll("\\[Write:[^\\]]*\\]", "Written by Grace.");
        form("", Map.of("draft", written));

        assertThat(form("/publish", Map.of()).statusCode()).isEqualTo(303);

        assertThat(postmortems.status(postmortem)).isEqualTo("published");
        String customers = CustomerViews.of(vigil, incident);
        assertThat(customers).contains("Postmortem: Disk full on the API").contains("Old logs filled the disk")
                .contains("We are sorry: for 40 minutes you could not work.").doesNotContain("db-7")
                .doesNotContain("[Write:");
        assertThat(vigil.get("/history.atom").body()).contains("Old logs filled the disk");
    }

    /** The summary and root causes are written, the postmortem approved and the incident resolved; the starting text. */
    private String startingTextOfAWriteUp() {
        postmortems.editSection(postmortem, "summary", "The API refused requests for 40 minutes.");
        postmortems.section(postmortem, "root_causes", 3, "Root causes", "Nobody rotated the logs on db-7.");
        approve();
        Incidents.resolve(staff.grace(), incident);
        String shown = staff.grace().get(page).body();
        return StringEscapeUtils.unescapeHtml4(
                shown.replaceFirst("(?s).*<textarea id=\"draft\"[^>]*>", "").replaceFirst("(?s)</textarea>.*", ""));
    }

    @Test
    void chosenCommitmentsShowTheirProgressAndUpdateWhenAnItemIsDone() {
        long alert = postmortems.item(postmortem, "Alert before disks fill").status("in_progress").add();
        long hidden = postmortems.item(postmortem, "Internal runbook fix").add();
        approve();
        form("", Map.of("draft", APOLOGY));
        Incidents.resolve(staff.grace(), incident);
        form("/publish", Map.of());

        HttpResponse<String> shown = form("/commitments/" + alert,
                Map.of("shown", "1", "version", Long.toString(postmortems.itemVersion(alert))));

        assertThat(shown.statusCode()).isEqualTo(303);
        assertThat(vigil.get("/incidents/" + incident).body()).contains("What we promised, and what we have done")
                .contains("Alert before disks fill").contains("<strong>In progress</strong>")
                .doesNotContain("Internal runbook fix");
        assertThat(hidden).isPositive();
        long changes = database.read(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM action_item_changes WHERE item_id = :id AND field = 'public' AND after_text = '1'")
                .bind("id", alert).mapTo(Long.class).one());
        assertThat(changes).isEqualTo(1);

        // The action items feature (built in parallel) closes the item; here SQL stands in for it.
        postmortems.setItemStatus(alert, "done", null, Instant.parse("2026-12-02T18:00:00Z"));
        vigil.vigil().publisher().invalidate();

        assertThat(vigil.get("/incidents/" + incident).body()).contains("<strong>Done</strong>, completed Dec 2, 2026");
        RunningVigil.await(Duration.ofSeconds(5), "the done commitment in the Atom feed",
                () -> vigil.get("/history.atom").body().contains("completed Dec 2, 2026"));
    }

    @Test
    void markupInThePublicTextIsEscapedOnThePublicPage() {
        approve();
        form("", Map.of("draft", "We are sorry.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))"));
        Incidents.resolve(staff.grace(), incident);
        form("/publish", Map.of());

        String publicPage = vigil.get("/incidents/" + incident).body();

        assertThat(publicPage).contains("We are sorry.").contains("&lt;script&gt;")
                .doesNotContain("<script>alert('x')</script>").doesNotContain("javascript:").doesNotContain("<script");
    }

    @Test
    void aViewerReadsThePublicVersionButCannotChangeOrPublishIt() {
        approve();
        form("", Map.of("draft", APOLOGY));
        Incidents.resolve(staff.grace(), incident);
        String version = Long.toString(postmortems.version(postmortem));

        assertThat(staff.victor().get(page).statusCode()).isEqualTo(200);
        assertThat(staff.victor().submit(page, page, Map.of("draft", "Hijacked", "version", version)).statusCode())
                .isEqualTo(403);
        assertThat(staff.victor().submit(page, page + "/publish", Map.of("version", version)).statusCode())
                .isEqualTo(403);
        assertThat(vigil.get("/incidents/" + incident).body()).doesNotContain("Postmortem:");
    }

    /** Ada is named reviewer, Grace submits, Ada approves. */
    private void approve() {
        String review = "/console/postmortems/" + postmortem + "/review";
        for (String[] step : new String[][] {{"reviewers", "grace"}, {"submit", "grace"}, {"approve", "ada"}}) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("version", Long.toString(postmortems.version(postmortem)));
            if (step[0].equals("reviewers")) {
                fields.put("reviewer", Long.toString(staff.idOf("ada@example.com")));
            }
            var who = step[1].equals("ada") ? staff.ada() : staff.grace();
            HttpResponse<String> done = who.submit(review, "/console/postmortems/" + postmortem + "/" + step[0], fields);
            assertThat(done.statusCode()).as(step[0] + ": " + done.body()).isEqualTo(303);
        }
        assertThat(postmortems.status(postmortem)).isEqualTo("approved");
    }

    /** Grace posts a form of the public-version page with the postmortem's current version. */
    private HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("version", Long.toString(postmortems.version(postmortem)));
        return staff.grace().submit(page, page + path, form);
    }
}
