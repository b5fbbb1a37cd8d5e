package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.Browser;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 3, "Bad input and attacks": every payload of src/test/resources/xss-payloads.txt goes into
 * every text field staff or the public can fill in, and every page that shows it is loaded in a
 * real headless Chromium. No payload may run (each one sets window.__xss when it does), leave an
 * event handler, a script or a javascript:/data:/vbscript: URL in the page, or open a dialog; and
 * where plain text is expected the payload must be shown literally, proving it was escaped and
 * not dropped.
 *
 * In the payload file, ⏎ stands for a line break (Markdown HTML blocks and reference links need
 * one); single-line fields get a space instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssCorpusBrowserTest {
    private static final List<String> PAYLOADS = readPayloads();
    private static final int GROUP = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern INCIDENT_LOCATION = Pattern.compile("^/console/incidents/(\\d+)$");
    private static final Pattern TEMPLATE_ID = Pattern.compile("action=\"/console/incidents/templates/(\\d+)/delete\"");
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Anything a payload could leave behind that runs on load or on a click, hover or focus. */
    private static final String LEFTOVERS = """
            var found = [];
            document.querySelectorAll('*').forEach(function (el) {
              var tag = el.tagName.toLowerCase();
              for (var i = 0; i < el.attributes.length; i++) {
                var name = el.attributes[i].name.toLowerCase();
                var value = el.attributes[i].value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                if (name.indexOf('on') === 0 || name === 'srcdoc' || name === 'style') {
                  found.push(tag + ' ' + name);
                }
                if (/^(javascript|vbscript|data):/.test(value)) {
                  found.push(tag + ' ' + name + '=' + value);
                }
              }
              // Vigil's own two scripts, files under /static; anything else, inline or not, was injected.
              if (tag === 'script' && ['/static/preview.js', '/static/console.js'].indexOf(el.getAttribute('src')) < 0) {
                found.push('script ' + el.textContent);
              }
              if (['iframe', 'frame', 'object', 'embed', 'base', 'svg', 'math', 'template', 'style', 'xmp',
                   'plaintext', 'marquee', 'video', 'audio', 'details'].indexOf(tag) >= 0
                      // the console layout's own menu is a <details>; an injected one with on* is caught above
                      && !(tag === 'details' && el.className === 'console-menu')
                  || (tag === 'meta' && el.hasAttribute('http-equiv'))
                  || (tag === 'link' && el.getAttribute('rel') === 'stylesheet'
                      && el.getAttribute('href').indexOf('/static/') !== 0)) {
                found.push(tag);
              }
            });
            return found;
            """;

    RunningVigil vigil;
    Staff staff;
    WebClient ada;
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: web
                    name: Web application
                  - id: api
                    name: Public API
                """);
        staff = Staff.assemble(vigil);
        ada = staff.ada();
        browser = Browser.start();
        // The public page is cacheable for a few seconds; every visit here must see the latest data.
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        signInAsAda();
        assertThat(browser.driver().getCurrentUrl()).contains("/console");
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            vigil.close();
        }
    }

    @Test
    void theCorpusHasAtLeastFiftyDistinctPayloadsThatEachSetTheFlag() {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates()
                .allSatisfy(payload -> assertThat(payload).contains("__x").hasSizeLessThanOrEqualTo(190));
    }

    @Test
    void incidentNamesRunNowhereAndReadLiterally() {
        List<String> names = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            names.add(oneLine(PAYLOADS.get(i)));
            ids.add(openIncident(names.get(i), "Opened for payload " + number(i) + "."));
        }
        awaitPublic("every named incident", "Opened for payload " + number(PAYLOADS.size() - 1));

        visit("/", names);
        visit("/console", List.of());
        visit("/console/incidents", names);
        visit("/console/audit", List.of());
        for (int i = 0; i < ids.size(); i++) {
            visit("/incidents/" + ids.get(i), List.of(names.get(i)));
            visit("/console/incidents/" + ids.get(i), List.of(names.get(i)));
        }
        String renamed = "/console/incidents/" + ids.get(0);
        for (String name : names.subList(0, GROUP)) {
            assertThat(ada.submit(renamed, renamed + "/name", Map.of("name", name + " again")).statusCode())
                    .isEqualTo(303);
        }
        visit(renamed, List.of(names.get(GROUP - 1) + " again"));
        visit("/console/audit", List.of());
    }

    @Test
    void incidentNamesEchoedByARefusedFormDoNotRun() {
        for (String payload : batches()) {
            browser.open(vigil.url("/console/incidents/new"));
            setValue("name", payload);
            clickAndWait(browser.driver().findElement(By.cssSelector("form[action='/console/incidents'] button[type=submit]")));
            assertNothingRan("the refused new-incident form with " + payload);
            assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo(payload);
        }
    }

    @Test
    void updateBodiesCorrectionsAndNoticesRunNowhere() {
        for (int first = 0; first < PAYLOADS.size(); first += GROUP) {
            List<Integer> group = IntStream.range(first, Math.min(first + GROUP, PAYLOADS.size())).boxed().toList();
            long id = openIncident("Bodies " + number(group.get(0)) + " to " + number(group.get(group.size() - 1)),
                    markdown(group.get(0)));
            group.stream().skip(1).forEach(i -> postUpdate(id, "identified", markdown(i)));
            List<Long> updates = updateIds(id);
            for (int k = 0; k < group.size(); k++) {
                String path = "/console/incidents/" + id + "/updates/" + updates.get(k);
                String corrected = "Corrected " + markdown(group.get(k));
                assertThat(ada.submit(path, path, Map.of("body", corrected)).statusCode()).isEqualTo(303);
            }
            String lastMarker = "Corrected Payload " + number(group.get(group.size() - 1));
            awaitPublic("the corrected bodies", lastMarker);
            visit("/", markers(group));
            visit("/incidents/" + id, markers(group));
            visit("/console/incidents/" + id, markers(group));
            for (int k = 0; k < group.size(); k++) {
                // The earlier text of a corrected update is shown as it was typed, in a <pre>.
                visit("/console/incidents/" + id + "/updates/" + updates.get(k), List.of(PAYLOADS.get(group.get(k))));
            }

            postUpdate(id, "resolved", "Resolved " + number(group.get(0)) + ".");
            String notice = "/console/incidents/" + id + "/notice";
            assertThat(ada.submit(notice, notice + "/draft", Map.of()).statusCode()).isEqualTo(303);
            String text = String.join("\n\n", group.stream().map(XssCorpusBrowserTest::markdown).toList());
            assertThat(ada.submit(notice, notice, Map.of("draft", text)).statusCode()).isEqualTo(303);
            assertThat(ada.submit(notice, notice + "/publish", Map.of()).statusCode()).isEqualTo(303);
            // A second draft, unpublished, is shown in its textarea beside the published notice.
            assertThat(ada.submit(notice, notice, Map.of("draft", text + "\n\nDraft again.")).statusCode()).isEqualTo(303);
            RunningVigil.await(PATIENCE, "the published notice", () -> vigil.get("/incidents/" + id).body()
                    .contains("Incident report"));
            visit(notice, group.stream().map(PAYLOADS::get).toList());
            visit("/incidents/" + id, markers(group));
        }
        visit("/console/incidents", List.of());
        visit("/console/audit", List.of());
    }

    @Test
    void updateTemplatesRunNowhereAndReadLiterally() {
        String templates = "/console/incidents/templates";
        for (int i = 0; i < PAYLOADS.size(); i++) {
            var saved = ada.submit(templates, templates, Map.of("name", oneLine(PAYLOADS.get(i)) + " " + number(i),
                    "status", "investigating", "body", PAYLOADS.get(i)));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        }
        List<String> names = IntStream.range(0, PAYLOADS.size()).mapToObj(i -> oneLine(PAYLOADS.get(i)) + " " + number(i))
                .toList();
        List<String> both = new ArrayList<>(names);
        both.addAll(PAYLOADS);
        visit(templates, both);
        visit("/console/incidents/new", names);
        Matcher ids = TEMPLATE_ID.matcher(ada.get(templates).body());
        List<Long> templateIds = new ArrayList<>();
        while (ids.find()) {
            templateIds.add(Long.parseLong(ids.group(1)));
        }
        assertThat(templateIds).hasSize(PAYLOADS.size());
        for (long templateId : templateIds) {
            visit("/console/incidents/new?template=" + templateId, List.of());
        }
        visit("/console/audit", List.of());
    }

    @Test
    void maintenanceNamesAndDescriptionsRunNowhere() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            names.add(oneLine(PAYLOADS.get(i)) + " " + number(i));
            var scheduled = ada.submit("/console/maintenance/new", "/console/maintenance", Map.of("name", names.get(i),
                    "description", markdown(i), "components", "web", "start", tomorrowAt(i, 0), "end", tomorrowAt(i, 30)));
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(303);
        }
        awaitPublic("every window", "Payload " + number(PAYLOADS.size() - 1));

        visit("/console/maintenance", names);
        visit("/", names);
        visit("/console/audit", List.of());
        for (String path : List.of("/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances.json")) {
            assertServedAsJson(path);
            visit(path, List.of());
        }
    }

    @Test
    void namesGivenWhenAcceptingAnInvitationRunNowhere() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            names.add(oneLine(PAYLOADS.get(i)));
            staff.join(staff.invite("invitee-" + number(i) + "@example.com", "viewer"), names.get(i));
        }
        visit("/console/users", names);
        visit("/console/audit", List.of());
    }

    @Test
    void anInvitationNameEchoedByARefusedFormDoesNotRun() {
        browser.driver().manage().deleteAllCookies();
        List<String> batches = batches();
        for (int i = 0; i < batches.size(); i++) {
            String invitation = staff.invite("refused-" + number(i) + "@example.com", "viewer");
            browser.open(vigil.url(invitation));
            setValue("name", batches.get(i));
            setValue("password", "short");
            clickAndWait(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
            assertNothingRan("the refused invitation with " + batches.get(i));
            assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo(batches.get(i));
        }
        browser.driver().manage().deleteAllCookies();
        signInAsAda();
    }

    @Test
    void subscribeFieldsEchoedOnErrorDoNotRun(@TempDir Path mailingDataDir) {
        // A second Vigil with a mail server set, so that the page offers the email form. (With one set,
        // invitations are mailed rather than shown, which the main instance's staff fixture relies on.)
        try (RunningVigil mailing = RunningVigil.start(mailingDataDir, """
                components:
                  - id: web
                    name: Web application
                smtp:
                  host: 127.0.0.1
                  port: 9
                  from: Test Status <status@status.test>
                  starttls: false
                """)) {
            for (String payload : batches()) {
                for (String field : List.of("email", "url")) {
                    browser.open(mailing.url("/subscribe"));
                    setValue(field, payload);
                    clickAndWait(browser.driver().findElement(By.cssSelector("form:has(#" + field + ") button[type=submit]")));
                    assertNothingRan("/subscribe " + field + " " + payload);
                    assertThat(browser.driver().findElement(By.id(field)).getAttribute("value"))
                            .as(field + " echoed").isEqualTo(payload);
                }
            }
        }
    }

    @Test
    void theSummaryIsJsonThatCarriesNamesVerbatim() {
        String name = oneLine(PAYLOADS.get(0)) + " summary";
        openIncident(name, markdown(0));
        RunningVigil.await(PATIENCE, "the incident in summary.json",
                () -> vigil.get("/api/v2/summary.json").body().contains("summary\""));

        assertServedAsJson("/api/v2/summary.json");
        JsonNode summary = ApiClient.json(vigil.get("/api/v2/summary.json"));
        List<String> names = new ArrayList<>();
        summary.at("/incidents").forEach(incident -> names.add(incident.get("name").asText()));
        assertThat(names).contains(name);
        visit("/api/v2/summary.json", List.of());
        visit("/api/v2/status.json", List.of());
    }

    @Test
    void sqlMetacharactersAreStoredAndShownLiterally() {
        List<String> hostile = List.of("'; DROP TABLE incidents; --", "\" OR 1=1 --", "back\\slash C:\\temp\\new", "100%_done %% __",
                "Robert'); DELETE FROM incident_updates WHERE ('1'='1");
        for (String text : hostile) {
            long id = openIncident(text, "Body: " + text);
            String storedName = vigil.vigil().database().read(handle -> handle.createQuery(
                    "SELECT name FROM incidents WHERE id = :id").bind("id", id).mapTo(String.class).one());
            String storedBody = vigil.vigil().database().read(handle -> handle.createQuery(
                    "SELECT body FROM incident_updates WHERE incident_id = :id").bind("id", id).mapTo(String.class).one());
            assertThat(storedName).isEqualTo(text);
            assertThat(storedBody).isEqualTo("Body: " + text);
            RunningVigil.await(PATIENCE, "the incident's public page", () -> vigil.get("/incidents/" + id).statusCode() == 200);
            visit("/incidents/" + id, List.of(text));
            visit("/console/incidents/" + id, List.of(text, "Body: " + text));
        }
        long incidents = vigil.vigil().database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM incidents")
                .mapTo(Long.class).one());
        assertThat(incidents).isGreaterThanOrEqualTo(hostile.size());
        visit("/console/incidents", hostile);
    }

    /** Loads the page and checks that nothing ran and each text is there as text. */
    private void visit(String path, List<String> literals) {
        browser.open(vigil.url(path));
        assertNothingRan(path);
        String text = normalized((String) browser.driver().executeScript(
                "return document.body ? document.body.textContent : ''"));
        for (String literal : literals) {
            assertThat(text).as("the literal text %s on %s", literal, path).contains(normalized(literal));
        }
    }

    private void assertNothingRan(String where) {
        ChromeDriver driver = browser.driver();
        try {
            String alert = driver.switchTo().alert().getText();
            fail("a dialog (" + alert + ") opened on " + where);
        } catch (NoAlertPresentException expected) {
            // No dialog: good.
        }
        assertThat(driver.executeScript("return window.__xss")).as("window.__xss on " + where).isNull();
        assertThat(driver.getCurrentUrl()).as("still on our site after " + where).startsWith("http://127.0.0.1:");
        assertThat((List<?>) driver.executeScript(LEFTOVERS)).as("injected markup on " + where).isEmpty();
    }

    private void assertServedAsJson(String path) {
        HttpResponse<String> response = vigil.get(path);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
        ApiClient.json(response);
    }

    private long openIncident(String name, String body) {
        var opened = ada.submit("/console/incidents/new", "/console/incidents",
                Map.of("name", name, "impact", "minor", "status", "investigating", "body", body));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        Matcher location = INCIDENT_LOCATION.matcher(opened.headers().firstValue("Location").orElse(""));
        assertThat(location.matches()).isTrue();
        return Long.parseLong(location.group(1));
    }

    private void postUpdate(long id, String status, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("body", body);
        var posted = ada.submit("/console/incidents/" + id, "/console/incidents/" + id + "/updates", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    private List<Long> updateIds(long incidentId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT id FROM incident_updates WHERE incident_id = :id ORDER BY id").bind("id", incidentId)
                .mapTo(Long.class).list());
    }

    private void awaitPublic(String what, String marker) {
        RunningVigil.await(PATIENCE, what + " on the public page", () -> vigil.get("/").body().contains(marker));
    }

    private void setValue(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Clicks a submit button and waits for the page the server answers with. */
    private void clickAndWait(WebElement button) {
        ChromeDriver driver = browser.driver();
        driver.executeScript("window.__beforeSubmit = true");
        button.click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(ignored -> Boolean.TRUE.equals(
                driver.executeScript("return window.__beforeSubmit === undefined && document.readyState === 'complete'")));
    }

    private void signInAsAda() {
        browser.open(vigil.url("/sign-in"));
        setValue("email", "ada@example.com");
        setValue("password", Staff.PASSWORD);
        clickAndWait(browser.driver().findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")));
    }

    /** Markdown text for payload i: a numbered paragraph, then the payload as its own block. */
    private static String markdown(int i) {
        return "Payload " + number(i) + "\n\n" + PAYLOADS.get(i).replace("⏎", "\n");
    }

    /** The payloads, GROUP at a time on one line, for forms that only echo what they refuse. */
    private static List<String> batches() {
        List<String> batches = new ArrayList<>();
        for (int first = 0; first < PAYLOADS.size(); first += GROUP) {
            batches.add(String.join(" ", PAYLOADS.subList(first, Math.min(first + GROUP, PAYLOADS.size())).stream()
                    .map(XssCorpusBrowserTest::oneLine).toList()).strip());
        }
        return batches;
    }

    private static List<String> markers(List<Integer> group) {
        return group.stream().map(i -> "Payload " + number(i)).toList();
    }

    private static String oneLine(String payload) {
        return payload.replace("⏎", " ");
    }

    private static String number(int i) {
        return String.format("#%02d", i + 1);
    }

    private static String normalized(String text) {
        return text.replace("⏎", "\n").replaceAll("\\s+", " ").strip();
    }

    private static String tomorrowAt(int index, int extraMinutes) {
        return LOCAL_INPUT.format(LocalDateTime.now(SITE_ZONE).plusDays(1).truncatedTo(ChronoUnit.DAYS)
                .plusMinutes(index * 60L + extraMinutes));
    }

    private static List<String> readPayloads() {
        try (InputStream in = XssCorpusBrowserTest.class.getResourceAsStream("/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
