package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review of a postmortem: Grace and Ada review, Victor only reads. */
class PostmortemReviewTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;
    Database database;
    PostmortemFixtures postmortems;
    long postmortem;
    String page;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "");
        staff = Staff.assemble(vigil);
        database = vigil.vigil().database();
        postmortems = PostmortemFixtures.in(database);
        postmortem = postmortems.postmortemOf("Disk full on the API", Incidents.open(staff.grace(), "API outage"));
        page = "/console/postmortems/" + postmortem + "/review";
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void submittingWithoutReviewersIsRefusedAndNothingChanges() {
        HttpResponse<String> refused = act(staff.grace(), "submit", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Name at least one reviewer before submitting");
        assertThat(postmortems.status(postmortem)).isEqualTo("draft");
        assertThat(revisions("status")).isZero();
    }

    @Test
    void anUnknownOrViewerReviewerIsRefused() {
        HttpResponse<String> unknown = nameReviewers(Map.of("reviewer", "9999"));
        HttpResponse<String> viewer = nameReviewers(Map.of("reviewer", Long.toString(staff.idOf("victor@example.com"))));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No editor or admin has the id “9999”");
        assertThat(viewer.statusCode()).isEqualTo(400);
        long reviewers = database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM postmortem_reviewers")
                .mapTo(Long.class).one());
        assertThat(reviewers).isZero();
    }

    @Test
    void whenEveryReviewerHasApprovedThePostmortemIsApproved() {
        nameBothReviewers();
        assertThat(act(staff.grace(), "submit", Map.of()).statusCode()).isEqualTo(303);

        assertThat(act(staff.ada(), "approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(postmortems.status(postmortem)).isEqualTo("in_review");
        assertThat(act(staff.grace(), "approve", Map.of()).statusCode()).isEqualTo(303);

        assertThat(postmortems.status(postmortem)).isEqualTo("approved");
        Long approvedAt = database.read(handle -> handle.createQuery(
                "SELECT approved_at FROM postmortems WHERE id = :id").bind("id", postmortem).mapTo(Long.class).one());
        assertThat(approvedAt).isNotNull();
        assertThat(staff.victor().get(page).body()).contains("Approved").contains("aria-current=\"step\"");
        assertThat(staff.ada().get("/console/audit").body()).contains("postmortem.submitted")
                .contains("postmortem.approved");
    }

    @Test
    void requestingChangesSendsItBackToDraftWithTheNoteAsAComment() {
        nameBothReviewers();
        act(staff.grace(), "submit", Map.of());
        act(staff.ada(), "approve", Map.of());

        HttpResponse<String> sent = act(staff.grace(), "request-changes", Map.of("note", "Quantify the **impact**."));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(postmortems.status(postmortem)).isEqualTo("draft");
        assertThat(staff.grace().get(page).body()).contains("<strong>impact</strong>").contains("Not approved yet")
                .doesNotContain("Approved ");
        assertThat(revisions("status")).isEqualTo(2);
    }

    @Test
    void aCommentMayBeAboutASectionAndIsRenderedSafely() {
        HttpResponse<String> sent = staff.grace().submit(page, "/console/postmortems/" + postmortem + "/comments",
                Map.of("section", "impact", "body", "How many **users**?\n\n<script>alert(1)</script>"));

        assertThat(sent.statusCode()).isEqualTo(303);
        String shown = staff.victor().get(page).body();
        assertThat(shown).contains("on <em>Impact</em>").contains("<strong>users</strong>")
                .contains("&lt;script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aStaleFormIsAConflictAndSavesNothing() {
        nameBothReviewers();
        long stale = postmortems.version(postmortem) - 1;

        HttpResponse<String> sent = staff.grace().submit(page, "/console/postmortems/" + postmortem + "/submit",
                Map.of("version", Long.toString(stale)));

        assertThat(sent.statusCode()).isEqualTo(409);
        assertThat(sent.body()).contains("Someone else changed this postmortem meanwhile");
        assertThat(postmortems.status(postmortem)).isEqualTo("draft");
    }

    @Test
    void aFormWithoutItsVersionIsShownAgainAsAConflictNotAnError() {
        nameBothReviewers();

        HttpResponse<String> submit = staff.grace().submit(page, "/console/postmortems/" + postmortem + "/submit",
                Map.of());
        HttpResponse<String> publish = staff.grace().submit(page, "/console/postmortems/" + postmortem + "/public/publish",
                Map.of("version", "not a number"));

        assertThat(submit.statusCode()).isEqualTo(409);
        assertThat(submit.body()).contains("Someone else changed this postmortem meanwhile").contains("<form");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(postmortems.status(postmortem)).isEqualTo("draft");
    }

    @Test
    void completingWithAnOpenItemIsRefusedNamingItThenAllowedOnceEveryItemIsClosed() {
        approveWithAda();
        long disk = postmortems.item(postmortem, "Alert on disk usage").add();
        long logs = postmortems.item(postmortem, "Rotate logs daily").status("done").add();

        HttpResponse<String> refused = act(staff.grace(), "complete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cannot be marked complete while action items are open: “Alert on disk usage”")
                .doesNotContain("“Rotate logs daily”");
        assertThat(postmortems.status(postmortem)).isEqualTo("approved");
        assertThat(staff.grace().get(page).body()).contains("Not yet: It cannot be marked complete");

        postmortems.setItemStatus(disk, "wont_do", "Replaced by autoscaling", Instant.now());
        assertThat(act(staff.grace(), "complete", Map.of()).statusCode()).isEqualTo(303);

        assertThat(postmortems.status(postmortem)).isEqualTo("complete");
        assertThat(logs).isPositive();
    }

    @Test
    void aViewerReadsTheReviewButCannotChangeIt() {
        assertThat(staff.victor().get(page).statusCode()).isEqualTo(200);
        assertThat(staff.victor().get(page).body()).doesNotContain("Submit for review");

        assertThat(staff.victor().submit(page, "/console/postmortems/" + postmortem + "/reviewers",
                Map.of("reviewer", "1", "version", "1")).statusCode()).isEqualTo(403);
        assertThat(staff.victor().submit(page, "/console/postmortems/" + postmortem + "/comments",
                Map.of("body", "Hello")).statusCode()).isEqualTo(403);
        assertThat(postmortems.version(postmortem)).isEqualTo(1);
    }

    private void approveWithAda() {
        nameReviewers(Map.of("reviewer", Long.toString(staff.idOf("ada@example.com"))));
        act(staff.grace(), "submit", Map.of());
        assertThat(act(staff.ada(), "approve", Map.of()).statusCode()).isEqualTo(303);
    }

    /** Ada and Grace, ticked together as the form's checkboxes send them. */
    private void nameBothReviewers() {
        HttpResponse<String> named = staff.grace().postFields("/console/postmortems/" + postmortem + "/reviewers",
                List.of(Map.entry("_csrf", Incidents.csrf(staff.grace(), page)),
                        Map.entry("version", Long.toString(postmortems.version(postmortem))),
                        Map.entry("reviewer", Long.toString(staff.idOf("ada@example.com"))),
                        Map.entry("reviewer", Long.toString(staff.idOf("grace@example.com")))));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(303);
    }

    private HttpResponse<String> nameReviewers(Map<String, String> fields) {
        return act(staff.grace(), "reviewers", fields);
    }

    /** Posts one of the review forms with the postmortem's current version, as the page would. */
    private HttpResponse<String> act(WebClient who, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("version", Long.toString(postmortems.version(postmortem)));
        return who.submit(page, "/console/postmortems/" + postmortem + "/" + path, form);
    }

    private long revisions(String field) {
        return database.read(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM postmortem_revisions WHERE postmortem_id = :id AND field = :field")
                .bind("id", postmortem).bind("field", field).mapTo(Long.class).one());
    }
}
