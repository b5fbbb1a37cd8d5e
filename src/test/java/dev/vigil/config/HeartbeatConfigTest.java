package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A heartbeat probe in vigil.yml (issue 11): its keys, defaults and rules, and a token that never shows. */
class HeartbeatConfigTest {
    private static final String HEAD = "site: {name: Acme, url: \"http://localhost:7070\"}\n"
            + "components: [{id: jobs, name: Nightly jobs}]\n";
    private static final String TOKEN = "k3Jx9-vQ2_mT8wLp";

    @Test
    void aHeartbeatTakesItsPeriodGraceAndTokenFromTheFile() {
        ProbeConfig probe = only(HEAD + "probes:\n  - {id: backup, component: jobs, type: heartbeat, period: 5m, "
                + "grace: 1m, token: \"${BACKUP_TOKEN}\"}\n", Map.of("BACKUP_TOKEN", TOKEN));

        HeartbeatTarget heartbeat = (HeartbeatTarget) probe.target();
        assertThat(heartbeat.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(heartbeat.grace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(heartbeat.token()).isEqualTo(TOKEN);
        assertThat(heartbeat.host()).isNull();
        assertThat(probe.type()).isEqualTo("heartbeat");
    }

    @Test
    void aHeartbeatWithoutSettingsWaitsADayWithAnHourOfGraceAndOpensAtTheFirstLateLook() {
        ProbeConfig probe = only(HEAD + "probes:\n  - {id: backup, component: jobs, type: heartbeat}\n", Map.of());

        HeartbeatTarget heartbeat = (HeartbeatTarget) probe.target();
        assertThat(heartbeat.period()).isEqualTo(Duration.ofDays(1));
        assertThat(heartbeat.grace()).isEqualTo(Duration.ofHours(1));
        assertThat(heartbeat.tokenGenerated()).isTrue();
        assertThat(probe.failuresToOpen()).isEqualTo(1);
        assertThat(probe.successesToClose()).isEqualTo(1);
        assertThat(probe.interval()).as("looked at every 30 s at most").isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "period {0} -> grace {1}, looked at every {2}")
    @CsvSource({"1d, 1h, 30s", "1h, 6m, 30s", "5m, 30s, 15s", "10s, 1s, 1s"})
    void theDefaultGraceIsATenthOfThePeriodAndTheLooksFollowIt(String period, String grace, String cadence) {
        ProbeConfig probe = only(HEAD + "probes:\n  - {id: backup, component: jobs, type: heartbeat, period: "
                + period + "}\n", Map.of());

        assertThat(Durations.format(((HeartbeatTarget) probe.target()).grace())).isEqualTo(grace);
        assertThat(Durations.format(probe.interval())).isEqualTo(cadence);
    }

    @Test
    void aTokenShorterThanSixteenCharactersIsRefusedWithoutRepeatingIt() {
        String yaml = HEAD + "probes:\n  - {id: backup, component: jobs, type: heartbeat, token: \"${T}\"}\n";

        assertThat(problemsOf(yaml, Map.of("T", "hunter2-secret"))).containsExactly("probes[0].token: is 14 "
                + "characters long; a heartbeat token needs at least 16 so that it cannot be guessed (leave the key "
                + "out and Vigil generates one)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            period: 5s                 | probes[0].period: "5s" must be between 10s and 30d: how often the job pings
            period: 31d                | probes[0].period: "31d" must be between 10s and 30d: how often the job pings
            grace: 0s                  | probes[0].grace: "0s" must be between 1s and 30d: how late a ping may be
            token: "with/slash/in/it/x" | probes[0].token: must be at most 128 letters, digits, and - _ . ~ (it goes into the ping URL as it is)
            interval: 30s              | probes[0].interval: is not a setting of a heartbeat probe: a heartbeat is not polled; how often the job pings is its period
            timeout: 5s                | probes[0].timeout: is not a setting of a heartbeat probe: a heartbeat is not polled; how late a ping may be is its grace
            locations: [server]        | probes[0].locations: is not a setting of a heartbeat probe: pings arrive at this Vigil server, so a heartbeat has no locations
            url: "http://jobs/"        | probes[0].url: is not a setting of a heartbeat probe; its settings are period, grace, token
            failures_to_open: 0        | probes[0].failures_to_open: "0" must be a whole number from 1 to 100
            """)
    void aHeartbeatValueOutsideItsRuleIsReported(String extraKeys, String expected) {
        String yaml = HEAD + "probes:\n  - {id: backup, component: jobs, type: heartbeat, " + extraKeys + "}\n";

        assertThat(problemsOf(yaml)).containsExactly(expected);
    }

    @Test
    void twoHeartbeatsCannotShareAToken() {
        String yaml = HEAD + "probes:\n"
                + "  - {id: backup, component: jobs, type: heartbeat, token: " + TOKEN + "}\n"
                + "  - {id: export, component: jobs, type: heartbeat, token: " + TOKEN + "}\n";

        assertThat(problemsOf(yaml)).containsExactly(
                "probes[1].token: is also the token of probe backup; each heartbeat needs its own");
    }

    @Test
    void staffAndLogsSeeTheScheduleButNeverTheToken() {
        HeartbeatTarget heartbeat = new HeartbeatTarget(Duration.ofMinutes(5), Duration.ofMinutes(1), TOKEN);

        assertThat(heartbeat.shown()).isEqualTo("heartbeat every 5m, grace 1m");
        assertThat(heartbeat.fields()).containsEntry("token", TOKEN);
        assertThat(heartbeat.shownFields()).containsEntry("token", HeartbeatTarget.MASK)
                .containsEntry("period", "5m").containsEntry("grace", "1m");
        assertThat(heartbeat.toString()).doesNotContain(TOKEN);
    }

    private static ProbeConfig only(String yaml, Map<String, String> env) {
        VigilConfig config = ConfigLoader.parse(yaml, env);
        assertThat(config.probes()).hasSize(1);
        return config.probes().get(0);
    }
}
