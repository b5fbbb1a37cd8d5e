package dev.vigil.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ServiceHealth.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How much of the service is affected. Each component is written as one letter: O operational,
 * D degraded, P partial outage, X major outage, M under maintenance; a trailing ! marks it essential.
 */
class ServiceHealthTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            no components                                 | none        | OPERATIONAL
            0 of 1 down                                   | O           | OPERATIONAL
            1 of 1 down is everything                     | X           | MAJOR_OUTAGE
            0 of 5 down                                   | O O O O O   | OPERATIONAL
            1 of 5 down is a part                         | X O O O O   | PARTIAL_OUTAGE
            2 of 5 down                                   | X X O O O   | PARTIAL_OUTAGE
            4 of 5 down                                   | X X X X O   | PARTIAL_OUTAGE
            5 of 5 down is everything                     | X X X X X   | MAJOR_OUTAGE
            the essential one of 5 down                   | X! O O O O  | MAJOR_OUTAGE
            1 of 5 down, another one essential            | X O! O O O  | PARTIAL_OUTAGE
            the essential one partly down                 | P! O O      | PARTIAL_OUTAGE
            the essential one degraded                    | D! O O      | DEGRADED
            1 of 5 partly down                            | P O O O O   | PARTIAL_OUTAGE
            5 of 5 partly down is not all down            | P P P P P   | PARTIAL_OUTAGE
            all down but one partly                       | X X P       | PARTIAL_OUTAGE
            1 of 5 degraded                               | D O O O O   | DEGRADED
            5 of 5 degraded                               | D D D D D   | DEGRADED
            degraded and down                             | D X O       | PARTIAL_OUTAGE
            1 of 3 in maintenance                         | M O O       | MAINTENANCE
            all in maintenance                            | M M         | MAINTENANCE
            in maintenance and degraded                   | M D O       | DEGRADED
            4 of 5 down, the fifth in maintenance         | X X X X M   | PARTIAL_OUTAGE
            1 of 2 down, the other in maintenance         | X M         | PARTIAL_OUTAGE
            the essential one in maintenance              | M! O        | MAINTENANCE
            the essential one in maintenance, another down| M! X O      | PARTIAL_OUTAGE
            """)
    void theServiceIsAsBadAsHowMuchOfItIsAffected(String situation, String components, Level expected) {
        assertThat(ServiceHealth.of(components(components)).level()).isEqualTo(expected);
    }

    @Test
    void itListsTheAffectedComponentsByHowTheyAreAffected() {
        ServiceHealth health = ServiceHealth.of(components("X P D M O O"));

        assertThat(health.unavailable()).extracting(Component::id).containsExactly("c1");
        assertThat(health.partlyUnavailable()).extracting(Component::id).containsExactly("c2");
        assertThat(health.slow()).extracting(Component::id).containsExactly("c3");
        assertThat(health.inMaintenance()).extracting(Component::id).containsExactly("c4");
        assertThat(health.affected()).isEqualTo(4);
        assertThat(health.total()).isEqualTo(6);
    }

    @Test
    void oneIncidentIsJudgedByItsOwnComponentsWhateverElseFailsAtTheSameTime() {
        List<Component> everythingDown = components("X X X");

        assertThat(ServiceHealth.ofOnly(everythingDown, List.of("c2")).level()).isEqualTo(Level.PARTIAL_OUTAGE);
        assertThat(ServiceHealth.ofOnly(everythingDown, List.of("c1", "c2", "c3")).level())
                .isEqualTo(Level.MAJOR_OUTAGE);
        assertThat(ServiceHealth.ofOnly(components("X! X O"), List.of("c1")).level()).isEqualTo(Level.MAJOR_OUTAGE);
        assertThat(ServiceHealth.ofOnly(components("X! X O"), List.of("c2")).level()).isEqualTo(Level.PARTIAL_OUTAGE);
    }

    /** "X! O M" is three components c1 (essential, major outage), c2 and c3. */
    private static List<Component> components(String letters) {
        List<Component> components = new ArrayList<>();
        if (letters == null) {
            return components;
        }
        for (String letter : letters.trim().split("\\s+")) {
            ComponentStatus status = switch (letter.charAt(0)) {
                case 'O' -> ComponentStatus.OPERATIONAL;
                case 'D' -> ComponentStatus.DEGRADED_PERFORMANCE;
                case 'P' -> ComponentStatus.PARTIAL_OUTAGE;
                case 'X' -> ComponentStatus.MAJOR_OUTAGE;
                case 'M' -> ComponentStatus.UNDER_MAINTENANCE;
                default -> throw new IllegalArgumentException(letter);
            };
            int n = components.size() + 1;
            components.add(new Component("c" + n, "Component " + n, null, null, n, status, "config", AT, AT,
                    letter.endsWith("!")));
        }
        return components;
    }
}
