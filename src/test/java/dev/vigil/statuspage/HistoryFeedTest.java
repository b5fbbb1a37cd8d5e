package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** /history.atom and /history.rss: the latest incidents and windows, served from the snapshot. */
class HistoryFeedTest {
    private static final String DEMO = """
            demo:
              enabled: true
            components:
              - id: search
                name: Search
              - id: web
                name: Web application
            """;
    private static final String PLAIN = """
            components:
              - id: api
                name: API
            """;
    private static final Pattern INCIDENT_LOCATION = Pattern.compile("^/console/incidents/(\\d+)$");
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    @TempDir
    Path dataDir;

    @Test
    void bothFeedsAreValidAndListTheSeededIncidentWithItsUpdates() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, DEMO)) {
            var atomResponse = vigil.get("/history.atom");
            var rssResponse = vigil.get("/history.rss");

            assertThat(atomResponse.statusCode()).isEqualTo(200);
            assertThat(atomResponse.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(rssResponse.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
            assertThat(root(atomResponse.body()).getNamespaceURI()).isEqualTo(ATOM_NS);
            assertThat(root(atomResponse.body()).getLocalName()).isEqualTo("feed");
            assertThat(root(rssResponse.body()).getTagName()).isEqualTo("rss");
            assertThat(root(rssResponse.body()).getAttribute("version")).isEqualTo("2.0");

            SyndFeed atom = parse(atomResponse.body());
            SyndFeed rss = parse(rssResponse.body());
            assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
            assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
            for (SyndFeed feed : List.of(atom, rss)) {
                SyndEntry search = entryNamed(feed, "Search upgrade took the app offline");
                assertThat(search.getLink()).matches("http://status\\.test/incidents/\\d+");
                assertThat(search.getUri()).startsWith("tag:status.test,").contains(":incident/");
                assertThat(search.getUpdatedDate() != null ? search.getUpdatedDate() : search.getPublishedDate()).isNotNull();
                assertThat(content(search)).contains("watchdog").contains("Identified").contains("Resolved")
                        .containsPattern("P[SD]T").contains("<li>");
            }
            List<java.util.Date> updated = atom.getEntries().stream().map(SyndEntry::getUpdatedDate).toList();
            assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @Test
    void withoutDemoHistoryBothFeedsAreValidAndEmpty() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            assertThat(parse(vigil.get("/history.atom").body()).getEntries()).isEmpty();
            assertThat(parse(vigil.get("/history.rss").body()).getEntries()).isEmpty();
        }
    }

    @Test
    void thePageAdvertisesBothFeeds() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            String page = vigil.get("/").body();

            assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/history.atom\"")
                    .contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/history.rss\"")
                    .contains("<a href=\"/history.atom\">").contains("<a href=\"/history.rss\">");
        }
    }

    @Test
    void aNewIncidentAppearsInBothFeedsWithinASecond() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            WebClient grace = Staff.assemble(vigil).grace();
            vigil.get("/history.atom");

            open(grace, "Slow logins", "Logins take a minute.");

            Duration visibleAfter = RunningVigil.await(Duration.ofSeconds(1), "the incident in both feeds",
                    () -> vigil.get("/history.atom").body().contains("Slow logins")
                            && vigil.get("/history.rss").body().contains("Slow logins"));
            assertThat(visibleAfter).isLessThan(Duration.ofSeconds(1));
            assertThat(content(entryNamed(parse(vigil.get("/history.rss").body()), "Slow logins")))
                    .contains("Investigating").contains("<p>Logins take a minute.</p>");
        }
    }

    @Test
    void theMostRecentlyUpdatedIncidentComesFirst() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            WebClient grace = Staff.assemble(vigil).grace();
            long older = open(grace, "Older incident", "First.");
            open(grace, "Newer incident", "Second.");
            Thread.sleep(5);
            postUpdate(grace, older, "resolved", "Older one is fixed.");

            RunningVigil.await(Duration.ofSeconds(2), "the update in the feed",
                    () -> vigil.get("/history.atom").body().contains("Older one is fixed."));

            List<String> titles = parse(vigil.get("/history.atom").body()).getEntries().stream()
                    .map(SyndEntry::getTitle).toList();
            assertThat(titles).containsExactly("Older incident", "Newer incident");
        }
    }

    @Test
    void aPublishedNoticeAppearsInItsIncidentsEntry() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            WebClient grace = Staff.assemble(vigil).grace();
            long id = open(grace, "Database failover", "Writes are failing.");
            postUpdate(grace, id, "resolved", "Writes work again.");
            String notice = "/console/incidents/" + id + "/notice";
            assertThat(grace.submit(notice, notice, Map.of("draft", "### Our apology\n\nWe are **sorry**.")).statusCode())
                    .isEqualTo(303);
            assertThat(grace.submit(notice, notice + "/publish", Map.of()).statusCode()).isEqualTo(303);

            RunningVigil.await(Duration.ofSeconds(2), "the notice in the feeds",
                    () -> vigil.get("/history.atom").body().contains("Our apology")
                            && vigil.get("/history.rss").body().contains("Our apology"));

            for (String path : List.of("/history.atom", "/history.rss")) {
                assertThat(content(entryNamed(parse(vigil.get(path).body()), "Database failover")))
                        .contains("Incident report").contains("<h3>Our apology</h3>")
                        .contains("We are <strong>sorry</strong>.").contains("Writes work again.");
            }
        }
    }

    @Test
    void markupInANameOrUpdateIsTextNeverMarkup() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            WebClient grace = Staff.assemble(vigil).grace();
            String name = "<script>alert(1)</script> Search & Web";
            open(grace, name, "<script>alert(2)</script> & more");

            RunningVigil.await(Duration.ofSeconds(2), "the incident in the feeds",
                    () -> vigil.get("/history.rss").body().contains("Search &amp; Web"));

            for (String path : List.of("/history.atom", "/history.rss")) {
                String xml = vigil.get(path).body();
                assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; Search &amp; Web");
                SyndEntry entry = entryNamed(parse(xml), name);
                assertThat(content(entry)).doesNotContain("<script>").contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                        .contains("&amp; more");
            }
        }
    }

    @Test
    void aScheduledMaintenanceWindowHasItsEntry() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, PLAIN)) {
            WebClient ada = Staff.assemble(vigil).ada();
            String tomorrow = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(1).toString();
            var created = ada.submit("/console/maintenance/new", "/console/maintenance", Map.of("name", "Database upgrade",
                    "description", "We upgrade **Postgres**.", "components", "api",
                    "start", tomorrow + "T10:00", "end", tomorrow + "T12:00"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);

            RunningVigil.await(Duration.ofSeconds(2), "the window in the feed",
                    () -> vigil.get("/history.atom").body().contains("Database upgrade"));

            for (String path : List.of("/history.atom", "/history.rss")) {
                SyndEntry window = entryNamed(parse(vigil.get(path).body()), "Maintenance: Database upgrade");
                assertThat(window.getLink()).matches("http://status\\.test/#maintenance-\\d+");
                assertThat(window.getUri()).startsWith("tag:status.test,").contains(":maintenance/");
                assertThat(content(window)).containsPattern("10:00 AM P[SD]T").contains("<strong>Postgres</strong>");
            }
        }
    }

    @Test
    void anUnchangedFeedAnswersConditionalRequestsWith304AndIsGzipped() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir, DEMO)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/history.atom", "/history.rss")) {
                var first = vigil.get(path);
                String etag = first.headers().firstValue("ETag").orElseThrow();

                var again = http.send(request(vigil, path).header("If-None-Match", etag).build(),
                        HttpResponse.BodyHandlers.ofString());
                var zipped = http.send(request(vigil, path).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());

                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
                assertThat(gunzip(zipped.body())).as(path).isEqualTo(first.body());
            }
        }
    }

    private static long open(WebClient grace, String name, String body) {
        var response = grace.submit("/console/incidents/new", "/console/incidents",
                Map.of("name", name, "impact", "minor", "status", "investigating", "body", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Matcher matcher = INCIDENT_LOCATION.matcher(response.headers().firstValue("Location").orElse(""));
        assertThat(matcher.matches()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static void postUpdate(WebClient grace, long id, String status, String body) {
        var response = grace.submit("/console/incidents/" + id, "/console/incidents/" + id + "/updates",
                Map.of("status", status, "body", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static SyndEntry entryNamed(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(e -> title.equals(e.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title + " in " + feed.getEntries()));
    }

    /** The entry's HTML as a reader gets it after undoing the XML escaping. */
    private static String content(SyndEntry entry) {
        return entry.getContents().isEmpty() ? entry.getDescription().getValue() : entry.getContents().get(0).getValue();
    }

    private static Element root(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static HttpRequest.Builder request(RunningVigil vigil, String path) {
        return HttpRequest.newBuilder(URI.create(vigil.url(path)));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
