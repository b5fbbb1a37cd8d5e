package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.ApiClient;
import dev.vigil.testing.Browser;
import dev.vigil.testing.PageAudit;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import io.javalin.router.ParsedEndpoint;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the route table, public and console, in headless Chromium on a 375 px phone and a
 * 1280 px laptop, light and dark: none scrolls sideways, every form control has a name, and axe-core
 * finds no WCAG 2.2 AA violation. The Vigil behind it has the demo's history, a failing probe, a
 * console component and probe, an action item, a maintenance window, an invitation and a reset link,
 * so that the pages show what they show in use rather than their empty states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTest {
    private static final int PHONE = 375;
    private static final int LAPTOP = 1280;
    /** GET routes that answer something other than a page, with the reason they are not walked. */
    private static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/api/*", "JSON"), Map.entry("/health", "JSON"), Map.entry("/metrics", "Prometheus text"),
            Map.entry("/history.atom", "a feed"),
            Map.entry("/history.rss", "a feed"), Map.entry("/demo/{service}/health", "the demo target's plain text"),
            Map.entry("/demo/app/*", "the demo tracker's JSON and bare pages, behind its own sign-in"),
            Map.entry("/console/action-items.csv", "CSV"), Map.entry("/ping/*", "a heartbeat's plain-text answer to its job"), Map.entry("/console/postmortems/{id}/export.md", "Markdown"),
            // Reached from links that only a mailed subscription makes; they share the subscribe page's template.
            Map.entry("/subscribe/confirm/{token}", "mailed link"), Map.entry("/unsubscribe/{token}", "mailed link"));

    TargetServer failing;
    RunningVigil vigil;
    RunningVigil unused;
    Browser browser;
    PageAudit audit;
    /** Route pattern to the URL walked for it. */
    final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void startAVigilInUse(@TempDir Path dataDir, @TempDir Path freshDir) {
        failing = TargetServer.start();
        failing.answer(503);
        vigil = RunningVigil.start(dataDir, """
                demo:
                  enabled: true
                components:
                  - id: web
                    name: Web application
                    group: Tracker
                  - id: search
                    name: Search
                    group: Tracker
                probes:
                  - id: search-health
                    component: search
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 2
                  - id: search-reindex
                    component: search
                    type: heartbeat
                    period: 1h
                """.formatted(failing.url()));
        Staff staff = Staff.assemble(vigil);
        String admin = staff.apiToken("page walk", "admin");
        ApiClient api = new ApiClient(vigil.url(""));
        api.post("/api/v1/components", admin, "{\"id\": \"billing\", \"name\": \"Billing\", \"group\": \"Money\"}");
        api.post("/api/v1/probes", admin, """
                {"id": "billing-health", "component": "billing", "url": "%s", "interval": "30s"}""".formatted(failing.url()));
        long postmortem = vigil.vigil().database().read(handle -> handle.createQuery("SELECT MIN(id) FROM postmortems")
                .mapTo(Long.class).one());
        String item = ApiClient.json(api.post("/api/v1/postmortems/" + postmortem + "/action-items", admin,
                "{\"title\": \"Alert when search restarts in a loop\", \"owner_id\": " + staff.idOf("ada@example.com")
                        + ", \"due_on\": \"" + LocalDate.now().plusDays(2) + "\"}")).get("id").asText();
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        String maintenance = ApiClient.json(api.post("/api/v1/maintenances", admin, """
                {"name": "Database upgrade", "description": "Search is read-only.", "component_ids": ["search"],
                 "scheduled_for": "%s", "scheduled_until": "%s"}""".formatted(tomorrow,
                Instant.now().plus(Duration.ofDays(1).plusHours(2))))).get("id").asText();
        RunningVigil.await(Duration.ofSeconds(20), "the failing probe's incident", () -> vigil.vigil().database().read(
                handle -> handle.createQuery("SELECT COUNT(*) FROM incidents WHERE status = 'investigating'")
                        .mapTo(Integer.class).one()) > 0);
        long incident = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT MAX(id) FROM incidents WHERE status = 'investigating'").mapTo(Long.class).one());
        long update = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT MIN(id) FROM incident_updates WHERE incident_id = :id").bind("id", incident).mapTo(Long.class).one());
        String invitation = staff.invite("linus@example.com", "editor");
        String reset = staff.resetLink("grace@example.com");

        page("/", "/");
        page("/incidents/{id}", "/incidents/" + incident);
        page("/subscribe", "/subscribe");
        page("/sign-in", "/sign-in");
        page("/invite/{token}", invitation);
        page("/reset/{token}", reset);
        for (String path : List.of("/console", "/console/audit", "/console/maintenance", "/console/maintenance/new",
                "/console/account", "/console/users", "/console/tokens", "/console/agents", "/console/notifications",
                "/console/notifications/deliveries", "/console/action-items/reminders", "/console/components",
                "/console/components/new", "/console/probes/new", "/console/config/reload", "/console/incidents",
                "/console/incidents/new", "/console/incidents/backfill", "/console/incidents/templates",
                "/console/metrics", "/console/postmortems", "/console/postmortems/new", "/console/postmortems/template",
                "/console/action-items", "/console/action-items/mine")) {
            page(path, path);
        }
        page("/console/search", "/console/search?q=search");
        page("/console/components/{id}/edit", "/console/components/billing/edit");
        page("/console/probes/{id}/edit", "/console/probes/billing-health/edit");
        page("/console/incidents/{id}", "/console/incidents/" + incident);
        page("/console/incidents/{id}/updates/{updateId}", "/console/incidents/" + incident + "/updates/" + update);
        page("/console/incidents/{id}/notice", "/console/incidents/" + incident + "/notice");
        for (String tail : List.of("", "/review", "/public", "/revisions", "/print", "/action-items")) {
            page("/console/postmortems/{id}" + tail, "/console/postmortems/" + postmortem + tail);
        }
        page("/console/action-items/{id}", "/console/action-items/" + item);
        assertThat(maintenance).isNotBlank();

        // The first-run page exists only while nobody has an account: a second Vigil that nobody set up.
        unused = RunningVigil.start(freshDir, "components: []\n");
        page("/setup", unused.url("/setup"));

        browser = Browser.start();
        browser.signIn(vigil.url("/sign-in"), "ada@example.com", Staff.PASSWORD);
        audit = new PageAudit(browser.driver());
    }

    private void page(String route, String pathOrUrl) {
        pages.put(route, pathOrUrl.startsWith("http") ? pathOrUrl : vigil.url(pathOrUrl));
    }

    @AfterAll
    void stop() {
        try (TargetServer t = failing; RunningVigil v = vigil; RunningVigil u = unused; Browser b = browser) {
            // try-with-resources closes each one even when closing another fails
        }
    }

    @Test
    void everyPageOfTheRouteTableIsWalked() {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint route : vigil.vigil().web().unsafe.internalRouter.allHttpHandlers()) {
            String path = route.endpoint.path;
            if (route.endpoint.method == HandlerType.GET && NOT_PAGES.keySet().stream().noneMatch(skip ->
                    skip.endsWith("*") ? path.startsWith(skip.substring(0, skip.length() - 1)) : skip.equals(path))) {
                routes.add(path);
            }
        }
        assertThat(pages.keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void onAPhoneInLightModeEveryPageFitsNamesItsControlsAndPassesAxe() {
        assertThat(walk(PHONE, "light")).isEmpty();
    }

    @Test
    void onAPhoneInDarkModeEveryPageFitsNamesItsControlsAndPassesAxe() {
        assertThat(walk(PHONE, "dark")).isEmpty();
    }

    @Test
    void onALaptopInLightModeEveryPageFitsNamesItsControlsAndPassesAxe() {
        assertThat(walk(LAPTOP, "light")).isEmpty();
    }

    @Test
    void onALaptopInDarkModeEveryPageFitsNamesItsControlsAndPassesAxe() {
        assertThat(walk(LAPTOP, "dark")).isEmpty();
    }

    /** Every page at this width and colour scheme; the problems of all of them, so that one run names them all. */
    private List<String> walk(int width, String scheme) {
        browser.resetEmulation();
        browser.emulateScreen(width, 800, width < 600);
        browser.prefersColorScheme(scheme);
        List<String> problems = new ArrayList<>();
        pages.forEach((route, url) -> {
            browser.open(url);
            assertThat(browser.driver().getTitle()).as(url + " is a page, not an error").doesNotContain("Not found", "Error");
            problems.addAll(audit.problems(width + " px " + scheme + " " + route));
        });
        return problems;
    }
}
