package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vigil as a child process, killed with SIGKILL at unlucky moments and restarted. */
class CrashRecoveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private final TargetServer target = TargetServer.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process vigil;
    private int port;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.destroyForcibly();
        }
        target.close();
    }

    @Test
    void killingVigilMidOutageLosesNothingAndDuplicatesNothing() throws Exception {
        Path config = writeConfig();
        port = freePort();
        start(config);
        RunningVigil.await(PATIENCE, "a first passing check", () -> count("SELECT COUNT(*) FROM check_results WHERE outcome = 'UP'") > 0);

        target.down();
        for (int round = 0; round < 3; round++) {
            // Kill at a random moment while failures are being recorded and the outage confirmed.
            Thread.sleep(ThreadLocalRandom.current().nextLong(300, 2500));
            long acknowledged = count("SELECT COUNT(*) FROM check_results");
            vigil.destroyForcibly().waitFor();
            assertIntact(acknowledged);
            start(config);
        }
        RunningVigil.await(PATIENCE, "the outage", () -> count("SELECT COUNT(*) FROM outages") == 1);
        vigil.destroyForcibly().waitFor();
        assertIntact(0);

        target.up();
        start(config);
        RunningVigil.await(PATIENCE, "the recovery", () -> count("SELECT COUNT(*) FROM incidents WHERE resolved_at IS NOT NULL") == 1);

        assertThat(count("SELECT COUNT(*) FROM outages")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outages WHERE ended_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incidents")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_updates WHERE status = 'resolved'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM probe_status_changes")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM monitor_sessions")).isEqualTo(5);
        // The public snapshot is rebuilt just after the commit, on its own thread.
        RunningVigil.await(Duration.ofSeconds(5), "summary.json to show the recovery", () -> {
            try {
                String summary = get("/api/v2/summary.json").body();
                return summary.contains("\"indicator\":\"none\"") && summary.contains("\"incidents\":[]");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void assertIntact(long acknowledged) throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
        assertThat(count("SELECT COUNT(*) FROM check_results")).isGreaterThanOrEqualTo(acknowledged);
        assertThat(count("SELECT COUNT(*) FROM outages WHERE ended_at IS NULL")).isLessThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incidents")).isLessThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incidents")).isEqualTo(count("SELECT COUNT(*) FROM outages"));
    }

    private void start(Path config) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.vigil.app.Main", "--config", config.toString()));
        builder.environment().put("VIGIL_PORT", Integer.toString(port));
        builder.environment().put("VIGIL_DATA_DIR", dataDir.toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("vigil.log").toFile()));
        vigil = builder.start();
        RunningVigil.await(PATIENCE, "Vigil to answer /health", () -> {
            try {
                return get("/health").statusCode() == 200;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    private Path writeConfig() throws IOException {
        return Files.writeString(dataDir.resolve("vigil.yml"), """
                site:
                  name: Crash Test
                  url: http://status.test
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 3
                    successes_to_close: 2
                """.formatted(target.url()));
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private long count(String sql) {
        try (Connection db = connect(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
