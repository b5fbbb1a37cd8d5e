package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The billing service goes down, an incident opens, and Ada removes its probe: the outage closes,
 * the incident resolves saying monitoring stopped (not that billing recovered) and the public page
 * stops showing billing as down. The same when the probe leaves vigil.yml.
 */
class ProbeRemovalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern HASH = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"");
    private static final String SITE = """
            site:
              name: Test Status
              url: http://status.test
              time_zone: UTC
            components:
              - id: web
                name: Web application
            """;

    @TempDir
    Path dataDir;
    Path file;
    TargetServer target;
    TargetServer billing;
    RunningVigil vigil;
    WebClient ada;

    @BeforeEach
    void start() throws IOException {
        target = TargetServer.start();
        billing = TargetServer.start();
        file = dataDir.resolve("vigil.yml");
        Files.writeString(file, SITE + """
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 2
                """.formatted(target.url()));
        vigil = RunningVigil.startFromFile(file, dataDir);
        ada = Staff.assemble(vigil).ada();
    }

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        target.close();
        billing.close();
    }

    @Test
    void aConsoleProbeRemovedWhileDownClosesItsOutageAndResolvesItsIncidentSayingMonitoringStopped() {
        HttpResponse<String> component = ada.submit("/console/components/new", "/console/components",
                Map.of("id", "billing", "name", "Billing", "group", "", "description", "", "position", ""));
        assertThat(component.statusCode()).isEqualTo(303);
        HttpResponse<String> probe = ada.submit("/console/probes/new", "/console/probes", billingProbe());
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(303);
        RunningVigil.await(PATIENCE, "a first check of billing", () -> billing.requests() >= 2);

        billing.down();
        RunningVigil.await(PATIENCE, "the billing incident in summary.json", () -> summary().at("/incidents").size() == 1);
        assertThat(status(summary(), "billing")).isEqualTo("major_outage");

        HttpResponse<String> removed = ada.submit("/console/components", "/console/probes/billing-health/remove", Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(openOutages("billing-health")).isZero();
        assertThat(endReason("billing-health")).isEqualTo("probe removed");
        RunningVigil.await(PATIENCE, "no incident in summary.json", () -> summary().at("/incidents").size() == 0);
        assertThat(status(summary(), "billing")).isEqualTo("operational");
        assertThat(summary().at("/status/indicator").asText()).isEqualTo("none");
        assertThat(lastUpdate("billing")).startsWith("resolved: ").contains("We stopped checking Billing automatically")
                .contains("does not mean the service recovered").doesNotContain("working again")
                .doesNotContain("billing-health");
    }

    @Test
    void aProbeDroppedFromVigilYmlWhileDownClosesItsOutageAndResolvesItsIncident() throws IOException {
        RunningVigil.await(PATIENCE, "a first check of the web application", () -> target.requests() >= 2);
        target.down();
        RunningVigil.await(PATIENCE, "the web incident in summary.json", () -> summary().at("/incidents").size() == 1);
        Files.writeString(file, SITE);
        String preview = ada.get("/console/config/reload").body();
        assertThat(preview).contains("<strong>web-home</strong> removed");

        HttpResponse<String> applied = ada.submit("/console/config/reload", "/console/config/reload",
                Map.of("hash", hashOn(preview)));

        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(openOutages("web-home")).isZero();
        assertThat(endReason("web-home")).isEqualTo("probe removed");
        RunningVigil.await(PATIENCE, "no incident in summary.json", () -> summary().at("/incidents").size() == 0);
        assertThat(status(summary(), "web")).isEqualTo("operational");
        assertThat(lastUpdate("web")).startsWith("resolved: ").contains("We stopped checking Web application automatically")
                .doesNotContain("working again").doesNotContain("web-home");
    }

    private Map<String, String> billingProbe() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "billing-health");
        fields.put("component", "billing");
        fields.put("url", billing.url());
        fields.put("interval", "1s");
        fields.put("timeout", "1s");
        for (String empty : new String[] {"connect_timeout", "expect.status", "expect.body_contains",
                "expect.max_latency", "max_body", "successes_to_close"}) {
            fields.put(empty, "");
        }
        fields.put("failures_to_open", "2");
        return fields;
    }

    private long openOutages(String probeId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM outages WHERE probe_id = :id AND ended_at IS NULL")
                .bind("id", probeId).mapTo(Long.class).one());
    }

    private String endReason(String probeId) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                        "SELECT end_reason FROM outages WHERE probe_id = :id ORDER BY id DESC LIMIT 1")
                .bind("id", probeId).mapTo(String.class).one());
    }

    /** The newest update of the component's automatic incident, and that it resolved it. */
    private String lastUpdate(String componentId) {
        return vigil.vigil().database().read(handle -> handle.createQuery("""
                        SELECT u.status || ': ' || u.body FROM incident_updates u JOIN incidents i ON i.id = u.incident_id
                         WHERE i.source = 'probe' AND i.id IN (SELECT incident_id FROM outages o WHERE o.component_id = :c)
                         ORDER BY u.id DESC LIMIT 1""")
                .bind("c", componentId).mapTo(String.class).one());
    }

    private JsonNode summary() {
        try {
            return JSON.readTree(vigil.get("/api/v2/summary.json").body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(JsonNode summary, String componentId) {
        for (JsonNode c : summary.get("components")) {
            if (c.get("id").asText().equals(componentId)) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError("no component " + componentId);
    }

    private static String hashOn(String page) {
        Matcher hash = HASH.matcher(page);
        assertThat(hash.find()).as("a hash on the preview").isTrue();
        return hash.group(1);
    }
}
