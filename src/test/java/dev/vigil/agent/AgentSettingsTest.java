package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an operator starts an agent (issue 11): what it needs, its defaults, and what it says when it is wrong. */
class AgentSettingsTest {

    @Test
    void theTokenMayComeFromTheEnvironmentAndTheRestHasDefaults() {
        AgentSettings settings = AgentSettings.parse(new String[] {"--server", "https://status.example.com/",
                "--location", "eu-west"}, Map.of("VIGIL_AGENT_TOKEN", "vgla_secret"));

        assertThat(settings.server()).hasToString("https://status.example.com");
        assertThat(settings.token()).isEqualTo("vgla_secret");
        assertThat(settings.dataDir()).isEqualTo(Path.of("agent-data"));
        assertThat(settings.sendEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.refreshEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.capacity()).isEqualTo(50_000);
        assertThat(settings.toString()).doesNotContain("vgla_secret");
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        assertThatThrownBy(() -> AgentSettings.parse(new String[] {"--server", "ftp://x", "--location", "server",
                "--send-every", "soon", "--colour", "--max-buffered"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server must be")
                .hasMessageContaining("--token (or VIGIL_AGENT_TOKEN) is required")
                .hasMessageContaining("--location must be")
                .hasMessageContaining("--send-every must be")
                .hasMessageContaining("unknown argument --colour")
                .hasMessageContaining("--max-buffered needs a value");
    }
}
