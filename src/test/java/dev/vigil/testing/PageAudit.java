package dev.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page must be for everyone, checked on the page a browser has open: nothing wider than the
 * screen, every form control with a name, and no WCAG 2.2 AA violation that axe-core finds. axe-core
 * comes from the npm registry (src/test/axe, installed by the build); it is injected by the driver,
 * which the page's content security policy does not govern.
 */
public final class PageAudit {
    private static final Path AXE = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");
    /** The rule tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String UNNAMED_CONTROLS = """
            const text = el => (el ? el.textContent : '').replace(/\\s+/g, ' ').trim();
            const named = el => (el.getAttribute('aria-label') || '').trim()
                || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                       .map(id => text(document.getElementById(id))).join(' ').trim()
                || Array.from(el.labels || []).map(text).join(' ').trim()
                || (el.tagName === 'BUTTON' ? text(el) : '')
                || (['submit', 'button', 'reset'].includes(el.type) ? (el.value || '').trim() : '')
                || (el.getAttribute('title') || '').trim();
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
                .filter(el => !named(el)).map(el => el.outerHTML.slice(0, 160));""";

    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(error => done(['axe-core failed: ' + error]));""";

    private final ChromeDriver driver;
    private final String axeSource;

    public PageAudit(ChromeDriver driver) {
        this.driver = driver;
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException(AXE + " is missing: the build runs npm ci in src/test/axe "
                    + "(mvn -B verify does, and so does bash .ci/run)");
        }
        try {
            this.axeSource = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of the page open now, each a line naming the page; empty when there are none. */
    public List<String> problems(String page) {
        List<String> problems = new ArrayList<>();
        Map<?, ?> width = (Map<?, ?>) driver.executeScript(
                "return {page: document.documentElement.scrollWidth, screen: window.innerWidth};");
        long pageWidth = ((Number) width.get("page")).longValue();
        long screenWidth = ((Number) width.get("screen")).longValue();
        if (pageWidth > screenWidth) {
            problems.add(page + ": scrolls sideways, " + pageWidth + " px wide on a " + screenWidth + " px screen");
        }
        for (Object control : (List<?>) driver.executeScript(UNNAMED_CONTROLS)) {
            problems.add(page + ": a form control without a name: " + control);
        }
        driver.executeScript(axeSource);
        for (Object violation : (List<?>) driver.executeAsyncScript(AXE_RUN, WCAG_AA)) {
            problems.add(page + ": " + violation);
        }
        return problems;
    }
}
