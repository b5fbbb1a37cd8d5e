package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ServiceHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The banner's sentence. Components are written NAME=STATUS: O, D, P, X or M as in ServiceHealthTest. */
class BannerSentenceTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "nothing", textBlock = """
            Web=O API=O                          | nothing
            Search=X Web=O API=O                 | Search is unavailable; everything else is working.
            Search=X Login=X Web=O               | Search and Login are unavailable; everything else is working.
            Search=X Login=X API=X Web=O         | Search, Login and API are unavailable; everything else is working.
            Search=P Web=O                       | Search is partly unavailable; everything else is working.
            Search=D Jobs=D Web=O                | Search and Jobs are slower than usual; everything else is working.
            Search=M Web=O                       | Search is under scheduled maintenance; everything else is working.
            Search=X Jobs=D Web=O                | Search is unavailable; Jobs is slower than usual; everything else is working.
            Web=X API=X                          | Web and API are unavailable.
            Web=X API=M                          | Web is unavailable; API is under scheduled maintenance.
            """)
    void itNamesWhatIsAffectedAndSaysWhetherTheRestWorks(String components, String expected) {
        assertThat(BannerSentence.of(ServiceHealth.of(components(components)))).isEqualTo(expected);
    }

    private static List<Component> components(String written) {
        List<Component> components = new ArrayList<>();
        for (String one : written.trim().split("\\s+")) {
            String[] parts = one.split("=");
            ComponentStatus status = switch (parts[1]) {
                case "O" -> ComponentStatus.OPERATIONAL;
                case "D" -> ComponentStatus.DEGRADED_PERFORMANCE;
                case "P" -> ComponentStatus.PARTIAL_OUTAGE;
                case "X" -> ComponentStatus.MAJOR_OUTAGE;
                case "M" -> ComponentStatus.UNDER_MAINTENANCE;
                default -> throw new IllegalArgumentException(one);
            };
            components.add(new Component(parts[0].toLowerCase(), parts[0], null, null, components.size() + 1, status,
                    "config", AT, AT, false));
        }
        return components;
    }
}
