package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building Vigil only wires it; start() opens the store and listens; stop() undoes both. */
class VigilLifecycleTest {
    private static final String YAML = """
            components:
              - id: web
                name: Web
            """;

    @TempDir
    Path dataDir;

    @Test
    void buildingVigilOpensNoDatabaseAndStartsNoThread() {
        Vigil.build(RunningVigil.config(dataDir, YAML, Map.of()), Clock.systemUTC());

        assertThat(dataDir.resolve("vigil.db")).doesNotExist();
        assertThat(threadNames()).noneMatch(name -> name.contains("vigil-") || name.startsWith("DefaultQuartzScheduler"));
    }

    @Test
    void startOpensTheStoreAndListensAndStopReleasesThePort() throws Exception {
        Vigil vigil = Vigil.build(RunningVigil.config(dataDir, YAML, Map.of()), Clock.systemUTC()).start();
        int port = vigil.port();
        try {
            assertThat(Files.list(dataDir).map(path -> path.getFileName().toString())).contains("vigil.db");
            int components = vigil.database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM components")
                    .mapTo(Integer.class).one());
            assertThat(components).isEqualTo(1);
        } finally {
            vigil.stop();
        }
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private static java.util.List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    }
}
