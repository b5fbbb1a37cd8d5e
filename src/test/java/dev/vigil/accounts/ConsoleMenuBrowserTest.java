package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Browser;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's grouped menu in a real browser with no JavaScript: what each role sees, the
 * current page marked for screen readers, and on a phone a closed menu that the keyboard opens.
 * Saves light, dark and phone screenshots of a few console pages to target/screenshots.
 */
class ConsoleMenuBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Browser browser;
    ChromeDriver driver;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                site:
                  name: Acme Status
                  url: http://status.test
                demo:
                  enabled: true
                components:
                  - id: web
                    name: Web application
                  - id: api
                    name: API
                  - id: search
                    name: Search
                  - id: jobs
                    name: Background jobs
                """);
        Staff.assemble(vigil);
        browser = Browser.startWithoutJavaScript();
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        vigil.close();
    }

    @Test
    void anAdminSeesEveryGroupAndTheCurrentPageIsMarked() {
        signIn("ada@example.com");
        driver.get(vigil.url("/console/incidents"));

        assertThat(texts(".console-nav--sidebar .console-menu-group")).containsExactly("Respond", "Learn", "Tell", "Team");
        assertThat(accessible("list")).as("each group is a list named by its group, for screen readers")
                .contains("Respond", "Learn", "Tell", "Team");
        assertThat(accessible("navigation")).containsExactly("Console");
        assertThat(menuLinks()).contains("Overview", "Incidents", "Maintenance", "Components", "Postmortems",
                "Action items", "Metrics", "Notifications", "Delivery log", "Users", "API tokens",
                "Audit log", "Your account");
        // On a wide screen the menu is an open sidebar and the phone's disclosure is not shown at all.
        assertThat(driver.findElement(By.cssSelector(".console-nav--sidebar a[href='/console/metrics']")).isDisplayed())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("details.console-menu")).isDisplayed()).isFalse();
        assertThat(marked()).containsExactly("Incidents=page");

        driver.get(vigil.url("/console/action-items/mine"));
        assertThat(marked()).containsExactly("My items=page");
        driver.get(vigil.url("/console/notifications/deliveries"));
        assertThat(marked()).containsExactly("Delivery log=page");
        driver.get(vigil.url("/console/probes/new"));
        assertThat(marked()).as("a page under a section marks the section, not as the page itself")
                .containsExactly("Components=true");
        driver.get(vigil.url("/console/search?q=nothing"));
        assertThat(marked()).isEmpty();
    }

    @Test
    void aViewerDoesNotSeeTheAdminsPages() {
        signIn("victor@example.com");
        driver.get(vigil.url("/console"));

        assertThat(texts(".console-nav--sidebar .console-menu-group")).containsExactly("Respond", "Learn", "Team");
        assertThat(menuLinks()).contains("Incidents", "Postmortems", "Metrics", "Audit log")
                .doesNotContain("Users", "API tokens", "Notifications", "Delivery log");
        assertThat(driver.findElements(By.cssSelector("a[href='/console/users'], a[href='/console/tokens']"))).isEmpty();
        assertThat(marked()).containsExactly("Overview=page");
    }

    @Test
    void onAPhoneTheMenuIsOneClosedRowThatTheKeyboardOpens() {
        signIn("ada@example.com");
        driver.get(vigil.url("/console/incidents"));
        browser.emulateScreen(PHONE_WIDTH, PHONE_HEIGHT, true);

        WebElement menu = driver.findElement(By.cssSelector("details.console-menu"));
        WebElement metrics = driver.findElement(By.cssSelector(".console-nav--disclosure a[href='/console/metrics']"));
        assertThat(metrics.isDisplayed()).isFalse();
        assertThat(accessibleLinks()).doesNotContain("Metrics", "Overview").contains("Skip to content");
        int menuBottom = menu.getRect().getY() + menu.getRect().getHeight();
        assertThat(menuBottom).as("the closed menu and the bar above it stay near the top").isLessThan(PHONE_HEIGHT / 5);
        browser.saveFullPage(SCREENSHOTS.resolve("console-incidents-phone.png"), PHONE_WIDTH, true);

        List<String> order = tabUntilTheMenuButton();
        assertThat(order).containsExactly("a Skip to content", "a Acme Status console", "input", "button Search",
                "summary Menu, you are on Incidents");
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        assertThat(menu.getAttribute("open")).isNotNull();
        assertThat(metrics.isDisplayed()).isTrue();
        assertThat(accessibleLinks()).contains("Metrics", "Overview");
        assertThat(accessible("navigation")).containsExactly("Console");
        assertThat(marked(".console-nav--disclosure")).containsExactly("Incidents=page");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Overview");
        browser.saveFullPage(SCREENSHOTS.resolve("console-menu-open-phone.png"), PHONE_WIDTH, true);
    }

    @Test
    void screenshotsOfTheConsoleInLightAndDark() {
        signIn("ada@example.com");
        for (String page : List.of("incidents", "metrics", "action-items", "users")) {
            driver.get(vigil.url("/console/" + page));
            browser.prefersColorScheme("light");
            browser.saveFullPage(SCREENSHOTS.resolve("console-" + page + "-light.png"), Browser.DESKTOP_WIDTH, false);
            browser.prefersColorScheme("dark");
            browser.saveFullPage(SCREENSHOTS.resolve("console-" + page + "-dark.png"), Browser.DESKTOP_WIDTH, false);
            browser.resetEmulation();
        }
        driver.get(vigil.url("/console"));
        browser.prefersColorScheme("dark");
        browser.saveFullPage(SCREENSHOTS.resolve("console-overview-phone-dark.png"), PHONE_WIDTH, true);
        assertThat(SCREENSHOTS.resolve("console-users-dark.png")).exists();
    }

    private void signIn(String email) {
        browser.signIn(vigil.url("/sign-in"), email, Staff.PASSWORD);
    }

    private List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(element -> element.getAttribute("textContent").strip()).toList();
    }

    private List<String> accessibleLinks() {
        return accessible("link");
    }

    /** The names of the nodes of this role that Chromium's accessibility tree offers a screen reader now. */
    @SuppressWarnings("unchecked")
    private List<String> accessible(String role) {
        Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        return ((List<Map<String, Object>>) tree.get("nodes")).stream()
                .filter(node -> !Boolean.TRUE.equals(node.get("ignored")))
                .filter(node -> role.equals(value(node, "role")))
                .map(node -> String.valueOf(value(node, "name")).strip()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> node, String key) {
        Map<String, Object> property = (Map<String, Object>) node.get(key);
        return property == null ? null : property.get("value");
    }

    private List<String> menuLinks() {
        return driver.findElements(By.cssSelector(".console-nav a")).stream()
                .map(link -> link.getAttribute("textContent").strip()).toList();
    }

    /** Each link of the wide screen's menu that carries aria-current, as "label=value". */
    private List<String> marked() {
        return marked(".console-nav--sidebar");
    }

    private List<String> marked(String menu) {
        return driver.findElements(By.cssSelector(menu + " [aria-current]")).stream()
                .map(link -> link.getAttribute("textContent").strip() + "=" + link.getAttribute("aria-current")).toList();
    }

    /** Presses TAB from the top of a freshly loaded page until the menu's button has focus; returns each stop. */
    private List<String> tabUntilTheMenuButton() {
        List<String> stops = new ArrayList<>();
        for (int press = 0; press < 8; press++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            String text = focused.getAttribute("textContent").strip().replaceAll("\\s+", " ");
            stops.add(focused.getTagName() + (text.isEmpty() ? "" : " " + text));
            if (focused.getTagName().equals("summary")) {
                break;
            }
        }
        return stops;
    }
}
