package dev.vigil.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the postmortems block: postmortems.due_days maps each severity to a number of days, and
 * postmortems.done_requires_link says whether an action item is closed as done only with a link to the change.
 */
final class PostmortemReader {
    private static final List<String> KEYS = List.of("due_days", "done_requires_link");
    static final int MAX_DUE_DAYS = 3650;

    private PostmortemReader() {}

    /** The defaults when the block (or a severity in it) is absent; a bad value is reported and its default kept. */
    static PostmortemConfig read(Section root) {
        Map<String, Integer> days = new LinkedHashMap<>(PostmortemConfig.DEFAULT_DUE_DAYS);
        Optional<Section> block = root.mapping("postmortems", KEYS);
        boolean doneRequiresLink = block.map(postmortems -> postmortems.flag("done_requires_link", false)).orElse(false);
        block.flatMap(postmortems -> postmortems.mapping("due_days", PostmortemConfig.SEVERITIES))
                .ifPresent(dueDays -> {
                    for (String severity : PostmortemConfig.SEVERITIES) {
                        days.put(severity, dueDays.wholeNumber(severity, days.get(severity), 1, MAX_DUE_DAYS));
                    }
                });
        return new PostmortemConfig(days, doneRequiresLink);
    }
}
