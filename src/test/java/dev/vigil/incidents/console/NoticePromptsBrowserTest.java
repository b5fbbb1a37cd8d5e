package dev.vigil.incidents.console;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.Browser;
import dev.vigil.testing.CustomerViews;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ada, in a real Chromium, drafts the notice of a resolved incident and presses Publish with the
 * prompts still there: the page names each part left to write and customers, subscribers and the
 * feeds hear nothing. The prompts are marked in the preview, legibly in light and dark, with the
 * live preview and with JavaScript off. Once every part is written, publishing works.
 * Screenshots: target/screenshots/notice-prompts-*.png.
 */
class NoticePromptsBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");
    /** WCAG 2.x AA for normal text. */
    private static final double AA = 4.5;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    final NoticeAudience audience = new NoticeAudience(smtp);
    RunningVigil vigil;
    Browser browser;
    long incident;
    String noticePage;

    @BeforeEach
    void start() throws Exception {
        vigil = RunningVigil.start(dataDir, audience.yaml());
        audience.subscribe(vigil);
        String editor = audience.token("release script", "editor");
        ApiClient api = new ApiClient(vigil.url(""));
        incident = json(api.post("/api/v1/incidents", editor, """
                {"name": "Checkout is failing", "impact": "major", "body": "Payments fail.",
                 "component_ids": ["web"]}""")).get("id").asLong();
        api.post("/api/v1/incidents/" + incident + "/updates", editor,
                "{\"status\": \"resolved\", \"body\": \"Payments work again.\"}");
        noticePage = vigil.url("/console/incidents/" + incident + "/notice");
        browser = Browser.start();
        browser.signIn(vigil.url("/sign-in"), "ada@example.com", Staff.PASSWORD);
    }

    @AfterEach
    void stop() {
        try (NoticeAudience a = audience) {
            if (browser != null) {
                browser.close();
            }
            vigil.close();
        }
    }

    @Test
    void publishingTheUntouchedDraftIsRefusedNamingEachPartAndTellsNobodyUntilEveryPartIsWritten()
            throws Exception {
        browser.open(noticePage);
        click(By.xpath("//button[normalize-space()='Draft notice']"));
        assertThat(prompts()).hasSize(5);
        readableInLightAndDark();

        WebElement draft = find(By.id("draft"));
        setValue(draft, draft.getAttribute("value").replaceFirst("\\[Write: in two[^\\]]*\\]",
                "For an hour, one payment in five failed."));
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> prompts().size() == 4);
        click(By.xpath("//button[normalize-space()='Save draft']"));
        click(By.xpath("//button[normalize-space()='Publish the saved draft']"));

        assertThat(find(By.id("notice-error")).getText()).endsWith("Write these parts before publishing: The "
                + "impact, Why it happened, What we are changing, Our apology. Replace each [Write: …] prompt with "
                + "your own words.");
        assertThat(find(By.tagName("main")).getText()).contains("Not published.");
        assertThat(prompts()).hasSize(4);
        browser.saveFullPage(SCREENSHOTS.resolve("notice-prompts-refused.png"), Browser.DESKTOP_WIDTH, false);
        browser.resetEmulation();
        assertThat(CustomerViews.of(vigil, incident)).doesNotContain("Incident report")
                .doesNotContain("one payment in five").doesNotContain("[Write:");
        audience.assertToldNothing();

        draft = find(By.id("draft"));
        setValue(draft, draft.getAttribute("value")
                .replaceFirst("\\[Write: who was[^\\]]*\\]", "Card payments; no data was lost.")
                .replaceFirst("\\[Write: the cause[^\\]]*\\]", "A release went out without its settings.")
                .replaceFirst("\\[Write: the concrete[^\\]]*\\]", "Releases check their settings first.")
                .replaceFirst("\\[Write: say sorry[^\\]]*\\]", "We are sorry: some of you could not pay."));
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> prompts().isEmpty());
        click(By.xpath("//button[normalize-space()='Save draft']"));
        click(By.xpath("//button[normalize-space()='Publish the saved draft']"));

        assertThat(find(By.cssSelector(".notice-body")).getText()).contains("We are sorry: some of you could not pay.");
        assertThat(CustomerViews.of(vigil, incident)).contains("Incident report")
                .contains("one payment in five failed").doesNotContain("[Write:");
        audience.awaitToldOnce();
    }

    @Test
    void withoutJavaScriptTheSavedDraftsPromptsAreMarkedToo() {
        browser.open(noticePage);
        click(By.xpath("//button[normalize-space()='Draft notice']"));

        try (Browser noScript = Browser.startWithoutJavaScript()) {
            noScript.signIn(vigil.url("/sign-in"), "ada@example.com", Staff.PASSWORD);
            noScript.open(noticePage);

            List<WebElement> marked = noScript.driver().findElements(
                    By.cssSelector("#draft-preview [data-preview-output] mark.prompt"));
            assertThat(marked).extracting(WebElement::getText).hasSize(5)
                    .allMatch(text -> text.startsWith("[Write: ") && text.endsWith("]"));
            assertThat(noScript.driver().findElement(By.id("publish-why")).getText()).isEqualTo("Not yet: the saved "
                    + "draft still has prompts in What happened, The impact, Why it happened, What we are changing, "
                    + "Our apology.");
            noScript.saveFullPage(SCREENSHOTS.resolve("notice-prompts-no-script.png"), Browser.DESKTOP_WIDTH, false);
        }
    }

    /** The prompts marked in the draft's preview. */
    private List<WebElement> prompts() {
        return browser.driver().findElements(By.cssSelector("#draft-preview [data-preview-output] mark.prompt"));
    }

    /** Every marked prompt's text against its own background, in both colour schemes. */
    private void readableInLightAndDark() {
        for (String scheme : List.of("light", "dark")) {
            browser.prefersColorScheme(scheme);
            for (WebElement prompt : prompts()) {
                double ratio = contrast(style(prompt, "color"), style(prompt, "background-color"));
                assertThat(ratio).as("contrast of a prompt in " + scheme).isGreaterThanOrEqualTo(AA);
            }
            browser.saveFullPage(SCREENSHOTS.resolve("notice-prompts-" + scheme + ".png"), Browser.DESKTOP_WIDTH,
                    false);
        }
        browser.resetEmulation();
    }

    private String style(WebElement element, String property) {
        return (String) browser.driver().executeScript(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, property);
    }

    /** The WCAG contrast ratio of two opaque CSS colours, "rgb(r, g, b)". */
    private static double contrast(String one, String other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String css) {
        Matcher rgb = RGB.matcher(css);
        assertThat(rgb.find()).as("a colour: " + css).isTrue();
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** Sets a long text at once and tells the page it changed, as typing would. */
    private void setValue(WebElement field, String text) {
        browser.driver().executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
    }

    private WebElement find(By by) {
        return browser.driver().findElement(by);
    }

    /** Clicks a form's button and waits until the next page has replaced this one. */
    private void click(By by) {
        WebElement page = find(By.tagName("html"));
        find(by).click();
        new WebDriverWait(browser.driver(), PATIENCE).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            }
        });
    }
}
