package dev.vigil.agent;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.RunningVigil;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Vigil in this JVM and probe agents as processes of their own, for the tests of several locations (issue 11).
 * The admin creates each agent's token through the API, as a provisioning script would. {@link #close} stops every
 * agent it started, whatever state the test left it in.
 */
final class AgentFleet implements AutoCloseable {
    static final String ADMIN_TOKEN = "vgl_agent-tests-bootstrap-admin-token-0123456789";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Path dir;
    private final List<AgentProcess> started = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private RunningVigil vigil;
    private ApiClient api;
    private String serverUrl;

    AgentFleet(Path dir) {
        this.dir = dir;
    }

    /** Starts Vigil with the YAML (its site block may be left out), on the given port (0: any). */
    RunningVigil startVigil(String yaml, int port) {
        vigil = RunningVigil.start(dir.resolve("vigil"), yaml, Map.of("VIGIL_BOOTSTRAP_TOKEN", ADMIN_TOKEN,
                "VIGIL_PORT", Integer.toString(port)));
        api = new ApiClient(vigil.url(""));
        serverUrl = vigil.url("");
        return vigil;
    }

    void stopVigil() {
        vigil.close();
        vigil = null;
    }

    RunningVigil vigil() {
        return vigil;
    }

    ApiClient api() {
        return api;
    }

    /** The location's agent token, created through the admin API the first time. */
    String tokenFor(String location) {
        return tokens.computeIfAbsent(location, name -> {
            HttpResponse<String> created = api.post("/api/v1/agents", ADMIN_TOKEN,
                    "{\"name\": \"" + name + " VM\", \"location\": \"" + name + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return json(created).get("token").asText();
        });
    }

    /** Starts the location's agent; address is where its hosts file leads the target's name, or null for none. */
    AgentProcess startAgent(String location, String address) {
        Path hosts = address == null ? null : AgentProcess.hostsFile(dir, TwoAddressTarget.NAME, address);
        AgentProcess agent = AgentProcess.start(serverUrl, tokenFor(location), location,
                dir.resolve("agent-" + location), hosts);
        started.add(agent);
        return agent;
    }

    /** What each location sees of the probe, as "east up", "north no_data". */
    List<String> locationsOf(String probeId) {
        JsonNode probe = json(api.get("/api/v1/probes/" + probeId, ADMIN_TOKEN));
        List<String> seen = new ArrayList<>();
        probe.get("locations").forEach(l -> seen.add(l.get("name").asText() + " " + l.get("status").asText()));
        return seen;
    }

    JsonNode probe(String probeId) {
        return json(api.get("/api/v1/probes/" + probeId, ADMIN_TOKEN));
    }

    void awaitLocations(String probeId, String... expected) {
        RunningVigil.await(PATIENCE, probeId + " seen as " + List.of(expected) + " (now " + locationsOf(probeId) + ")",
                () -> locationsOf(probeId).equals(List.of(expected)));
    }

    /** Waits until the public page says this, as a customer reads it. */
    void awaitPublicPage(String text) {
        RunningVigil.await(PATIENCE, "the public page to say " + text, () -> vigil.get("/").body().contains(text));
    }

    List<Outage> outages() {
        return vigil.vigil().database().read(h -> new OutageStore().since(h, Instant.EPOCH));
    }

    long rows(String sql) {
        return vigil.vigil().database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Every agent's output, for a failed test's message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        started.forEach(agent -> all.append(agent.log()).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        try {
            started.forEach(AgentProcess::close);
        } finally {
            if (vigil != null) {
                vigil.close();
            }
        }
    }
}
