package dev.vigil.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The postmortems block (issue 4).
 *
 * @param dueDays for each severity (sev1 worst .. sev4), how many days an action item has by default
 * @param doneRequiresLink whether an action item is closed as done only with a link to the change (its tracker URL)
 */
public record PostmortemConfig(Map<String, Integer> dueDays, boolean doneRequiresLink) {
    public static final List<String> SEVERITIES = List.of("sev1", "sev2", "sev3", "sev4");
    /** PagerDuty's 15 and 30 days for the two worst severities. */
    public static final Map<String, Integer> DEFAULT_DUE_DAYS = orderedDefaults();

    public PostmortemConfig {
        dueDays = Map.copyOf(dueDays);
    }

    public static PostmortemConfig defaults() {
        return new PostmortemConfig(DEFAULT_DUE_DAYS, false);
    }

    private static Map<String, Integer> orderedDefaults() {
        Map<String, Integer> days = new LinkedHashMap<>();
        days.put("sev1", 15);
        days.put("sev2", 30);
        days.put("sev3", 60);
        days.put("sev4", 90);
        return java.util.Collections.unmodifiableMap(days);
    }
}
