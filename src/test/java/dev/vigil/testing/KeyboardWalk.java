package dev.vigil.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Presses TAB through a page from the top, as a keyboard user does, and records each element
 * that receives focus, in order, until focus comes back round to an element it already visited.
 * What each element looks like is measured in the page at the moment it gains focus, because
 * asking the driver after every single key press would take minutes for a page of bars.
 */
public final class KeyboardWalk {
    private static final int PRESSES_PER_BATCH = 40;

    /** Installs a recorder that notes each focused element and measures its popup as focus arrives. */
    private static final String RECORDER = """
            const watched = [...document.querySelectorAll(arguments[0])];
            const everything = [...document.querySelectorAll('*')];
            const popupSelector = arguments[1];
            window.vigilFocusLog = [];
            document.addEventListener('focusin', event => {
              const element = event.target;
              const stop = {position: everything.indexOf(element), watched: watched.indexOf(element),
                            tag: element.tagName.toLowerCase()};
              const popup = element.querySelector(popupSelector);
              if (popup) {
                const box = popup.getBoundingClientRect();
                stop.popup = {text: popup.textContent, left: box.left, right: box.right, width: box.width,
                              height: box.height, viewportWidth: document.documentElement.clientWidth,
                              visible: popup.checkVisibility({opacityProperty: true, visibilityProperty: true})};
              }
              window.vigilFocusLog.push(stop);
            });
            document.activeElement.blur();
            """;

    private final RemoteWebDriver driver;

    public KeyboardWalk(RemoteWebDriver driver) {
        this.driver = driver;
    }

    /** Where focus landed: watched is the index among the watched elements, or -1. */
    public record Stop(int position, int watched, String tag, Popup popup) {}

    /** A popup (such as a tooltip) inside the focused element, measured in CSS pixels. */
    public record Popup(String text, double left, double right, double width, double height,
            double viewportWidth, boolean visible) {}

    /**
     * Tabs through the page now loaded, at most maxPresses times. watchedSelector picks the elements
     * whose order matters; popupSelector the child to measure inside each focused element.
     */
    public List<Stop> tabThrough(String watchedSelector, String popupSelector, int maxPresses) {
        driver.executeScript(RECORDER, watchedSelector, popupSelector);
        List<Stop> stops = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        int pressed = 0;
        while (pressed < maxPresses) {
            int batch = Math.min(PRESSES_PER_BATCH, maxPresses - pressed);
            press(driver, batch);
            pressed += batch;
            for (Stop stop : recorded(stops.size())) {
                if (!visited.add(stop.position())) {
                    return stops;
                }
                stops.add(stop);
            }
        }
        return stops;
    }

    private static void press(WebDriver driver, int times) {
        Actions keys = new Actions(driver);
        for (int i = 0; i < times; i++) {
            keys.sendKeys(Keys.TAB);
        }
        keys.perform();
    }

    @SuppressWarnings("unchecked")
    private List<Stop> recorded(int from) {
        List<Map<String, Object>> log = (List<Map<String, Object>>) driver.executeScript(
                "return window.vigilFocusLog.slice(arguments[0]);", from);
        return log.stream().map(KeyboardWalk::stop).toList();
    }

    @SuppressWarnings("unchecked")
    private static Stop stop(Map<String, Object> entry) {
        Map<String, Object> popup = (Map<String, Object>) entry.get("popup");
        return new Stop(number(entry, "position").intValue(), number(entry, "watched").intValue(),
                (String) entry.get("tag"), popup == null ? null : new Popup((String) popup.get("text"),
                        number(popup, "left").doubleValue(), number(popup, "right").doubleValue(),
                        number(popup, "width").doubleValue(), number(popup, "height").doubleValue(),
                        number(popup, "viewportWidth").doubleValue(), (Boolean) popup.get("visible")));
    }

    private static Number number(Map<String, Object> map, String key) {
        return (Number) map.get(key);
    }
}
