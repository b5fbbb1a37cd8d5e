package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.VigilConfig;
import dev.vigil.testing.Configs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    private static final VigilConfig BEFORE = Configs.parse("""
            components:
              - {id: web, name: Web application}
              - {id: login, name: Login, essential: true}
            """);

    @Test
    void markingAComponentEssentialOrNotIsListedAsAChange() {
        VigilConfig after = Configs.parse("""
                components:
                  - {id: web, name: Web application, essential: true}
                  - {id: login, name: Login}
                """);

        ConfigDiff diff = ConfigDiff.between(BEFORE, after, Set.of(), List.of());

        assertThat(diff.components()).containsExactly(
                new ConfigDiff.Change("changed", "web", List.of("essential: \"false\" → \"true\"")),
                new ConfigDiff.Change("changed", "login", List.of("essential: \"true\" → \"false\"")));
        assertThat(diff.summary()).isEqualTo("2 components changed");
    }

    @Test
    void theSameFlagTwiceChangesNothing() {
        assertThat(ConfigDiff.between(BEFORE, BEFORE, Set.of(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void aNewMetricsTokenNeedsARestartAndIsNotShown() {
        VigilConfig after = Configs.parse("""
                components:
                  - {id: web, name: Web application}
                  - {id: login, name: Login, essential: true}
                metrics:
                  token: a-scrape-token-of-24-chars
                """);

        ConfigDiff diff = ConfigDiff.between(BEFORE, after, Set.of(), List.of());

        assertThat(diff.needsRestart()).containsExactly("metrics.token: changed");
    }
}
