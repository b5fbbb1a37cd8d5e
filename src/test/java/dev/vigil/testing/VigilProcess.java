package dev.vigil.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Vigil as a child process, as Main runs it, for tests of faults that could kill a JVM: the test's own JVM lives
 * on to say whether Vigil's did. Its output goes to vigil.log in the log folder.
 */
public final class VigilProcess implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private VigilProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Vigil with the YAML (with its site block) and data folder, and waits for /health to answer 200. */
    public static VigilProcess start(String yaml, Path dataDir, Path logDir) throws IOException {
        Path config = Files.writeString(logDir.resolve("vigil.yml"), yaml);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.vigil.app.Main", "--config", config.toString()));
        builder.environment().put("VIGIL_PORT", Integer.toString(port));
        builder.environment().put("VIGIL_DATA_DIR", dataDir.toString());
        Path log = logDir.resolve("vigil.log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        VigilProcess vigil = new VigilProcess(builder.start(), port, log);
        RunningVigil.await(PATIENCE, "Vigil to answer /health with 200", () -> vigil.status("/health") == 200);
        return vigil;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The status of a GET, or -1 when nothing answered. */
    public int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** What Vigil has written to its log so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
