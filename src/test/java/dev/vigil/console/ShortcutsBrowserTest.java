package dev.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Browser;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's keyboard shortcuts, pressed in Chromium by an editor. */
class ShortcutsBrowserTest {
    @TempDir
    Path dataDir;

    @Test
    void questionMarkListsTheShortcutsAndEachOneDoesWhatItSaysButNotWhileTyping() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, "components:\n  - {id: api, name: API}\n");
                Browser browser = Browser.start()) {
            Staff.assemble(vigil);
            browser.signIn(vigil.url("/sign-in"), "grace@example.com", Staff.PASSWORD);
            ChromeDriver driver = browser.driver();
            browser.open(vigil.url("/console"));
            WebElement dialog = driver.findElement(By.id("shortcuts"));
            assertThat(dialog.isDisplayed()).isFalse();

            new Actions(driver).sendKeys("?").perform();
            assertThat(dialog.isDisplayed()).isTrue();
            assertThat(dialog.getText()).contains("New incident", "Post an update", "Search");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            assertThat(dialog.isDisplayed()).isFalse();

            new Actions(driver).sendKeys("/").perform();
            assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("nav-search-q");
            new Actions(driver).sendKeys("n?").perform();
            assertThat(driver.switchTo().activeElement().getDomProperty("value")).as("typed, not taken").isEqualTo("n?");
            assertThat(dialog.isDisplayed()).isFalse();

            driver.findElement(By.tagName("h1")).click();
            new Actions(driver).sendKeys("n").perform();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/console/incidents/new"));

            driver.findElement(By.id("shortcuts-open")).click();
            assertThat(driver.findElement(By.id("shortcuts")).isDisplayed()).as("the button opens the list too").isTrue();
        }
    }
}
