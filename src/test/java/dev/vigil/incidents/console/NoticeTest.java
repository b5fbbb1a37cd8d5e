package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customer notice: drafted from the record, edited as a draft, published to the public page. */
class NoticeTest {
    private static final Pattern DRAFT = Pattern.compile("<textarea id=\"draft\"[^>]*>([^<]*)</textarea>");

    final Staff staff = new Staff();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff(Staff.COMPONENTS, staff::signIn);

    @Test
    void aResolvedIncidentsNoticeIsDraftedEditedAndPublished() {
        long id = staff.open(Map.of("name", "API outage", "impact", "critical", "status", "investigating",
                "body", "The API is down.", "component.api", "major_outage"));
        staff.postUpdate(id, "identified", "A full disk.");
        staff.postUpdate(staff.grace, id, "resolved", "Disk cleared.", Map.of("component.api", "operational"));
        String notice = "/console/incidents/" + id + "/notice";

        assertThat(staff.grace.submit(notice, notice + "/draft", Map.of()).statusCode()).isEqualTo(303);

        String draft = draftOn(staff.grace.get(notice).body());
        TimeFormat times = new TimeFormat(ZoneId.of("America/Los_Angeles"));
        Instant started = instant(id, "started_at");
        Instant resolved = instant(id, "resolved_at");
        assertThat(draft).contains("**Affected components:** API")
                .contains("**Started:** " + times.dateTime(started)).contains("**Resolved:** " + times.dateTime(resolved))
                .contains("**Duration:** " + TimeFormat.duration(Duration.between(started, resolved)))
                .contains("America/Los_Angeles time zone").containsPattern("P[SD]T")
                .contains("### What our checks saw").contains("### Timeline").contains("investigating: The API is down.")
                .contains("resolved: Disk cleared.").contains("### What happened").contains("### The impact")
                .contains("### Why it happened").contains("### What we are changing").contains("### Our apology")
                .contains("http://status.test/incidents/" + id);

        assertThat(staff.grace.get(notice).body()).as("the draft previewed with its prompts marked, without script")
                .contains("<mark class=\"prompt\">[Write: in two or three plain sentences");
        String edited = draft.replaceFirst("### What happened\n\n\\[Write:[^\\]]*\\]",
                "### What happened\n\nOur API was down because a disk filled up.");
        assertThat(staff.grace.submit(notice, notice, Map.of("draft", edited)).statusCode()).isEqualTo(303);

        var refused = staff.grace.submit(notice, notice + "/publish", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(StringEscapeUtils.unescapeHtml4(refused.body())).contains("Write these parts before publishing: The "
                + "impact, Why it happened, What we are changing, Our apology.");
        assertThat(vigil.get("/incidents/" + id).body()).doesNotContain("Incident report");

        String written = edited.replaceFirst("\\[Write: who was[^\\]]*\\]", "Every API call failed for an hour; no "
                        + "data was lost.")
                .replaceFirst("\\[Write: the cause[^\\]]*\\]", "Old logs were never deleted.")
                .replaceFirst("\\[Write: the concrete[^\\]]*\\]", "We alert on disk space now.")
                .replaceFirst("\\[Write: say sorry[^\\]]*\\]", "We are sorry for the lost hour.");
        assertThat(staff.grace.submit(notice, notice, Map.of("draft", written)).statusCode()).isEqualTo(303);
        assertThat(staff.grace.get(notice).body()).doesNotContain("<mark class=\"prompt\">[Write:");

        assertThat(staff.grace.submit(notice, notice + "/publish", Map.of()).statusCode()).isEqualTo(303);

        String publicPage = vigil.get("/incidents/" + id).body();
        assertThat(publicPage).contains("Incident report").contains("<h3>What happened</h3>")
                .contains("Our API was down because a disk filled up.").contains("<h3>Our apology</h3>")
                .contains("We are sorry for the lost hour.").doesNotContain("[Write:");
        assertThat(staff.ada.get("/console/audit").body()).contains("notice.drafted").contains("notice.draft_saved")
                .contains("notice.published");
    }

    @Test
    void savingADraftAfterPublishingChangesNothingCustomersSeeUntilPublishedAgain() {
        long id = resolvedIncident("Published once");
        String notice = "/console/incidents/" + id + "/notice";
        staff.grace.submit(notice, notice, Map.of("draft", "First words."));
        staff.grace.submit(notice, notice + "/publish", Map.of());

        staff.grace.submit(notice, notice, Map.of("draft", "Second thoughts."));

        assertThat(vigil.get("/incidents/" + id).body()).contains("First words.").doesNotContain("Second thoughts.");
        assertThat(staff.grace.get(notice).body()).contains("edits not yet published");
    }

    @Test
    void anOpenIncidentsNoticeCannotBeDraftedOrPublished() {
        long id = staff.open("Still going");
        String notice = "/console/incidents/" + id + "/notice";
        staff.grace.submit(notice, notice, Map.of("draft", "Too early."));

        var drafted = staff.grace.submit(notice, notice + "/draft", Map.of());
        var published = staff.grace.submit(notice, notice + "/publish", Map.of());

        assertThat(drafted.statusCode()).isEqualTo(400);
        assertThat(drafted.body()).contains("Resolve the incident before drafting its notice");
        assertThat(published.statusCode()).isEqualTo(400);
        assertThat(published.body()).contains("This incident is not resolved, so its notice cannot be published yet");
        assertThat(vigil.get("/incidents/" + id).body()).doesNotContain("Too early.");
    }

    @Test
    void aViewerReadsTheNoticeButCannotPublishIt() {
        long id = resolvedIncident("Victor reads");
        String notice = "/console/incidents/" + id + "/notice";
        staff.grace.submit(notice, notice + "/draft", Map.of());

        assertThat(staff.victor.get(notice).statusCode()).isEqualTo(200);
        assertThat(staff.victor.submit(notice, notice + "/publish", Map.of()).statusCode()).isEqualTo(403);
        assertThat(vigil.get("/incidents/" + id).body()).doesNotContain("Incident report");
    }

    @Test
    void thePublishedNoticeIsRenderedSafely() {
        long id = resolvedIncident("Hostile notice");
        String notice = "/console/incidents/" + id + "/notice";
        staff.grace.submit(notice, notice, Map.of("draft", "<script>alert(1)</script>\n\n[x](javascript:alert(1))"));
        staff.grace.submit(notice, notice + "/publish", Map.of());

        assertThat(vigil.get("/incidents/" + id).body()).doesNotContain("<script>alert(1)</script>")
                .doesNotContain("javascript:").contains("&lt;script&gt;");
    }

    private long resolvedIncident(String name) {
        long id = staff.open(name);
        staff.postUpdate(id, "resolved", "Over.");
        return id;
    }

    private Instant instant(long id, String column) {
        return Instant.ofEpochMilli(vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT " + column + " FROM incidents WHERE id = :id").bind("id", id).mapTo(Long.class).one()));
    }

    private static String draftOn(String page) {
        Matcher matcher = DRAFT.matcher(page);
        assertThat(matcher.find()).as("a draft on the page").isTrue();
        return StringEscapeUtils.unescapeHtml4(matcher.group(1));
    }
}
