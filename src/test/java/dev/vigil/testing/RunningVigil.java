package dev.vigil.testing;

import dev.vigil.app.Vigil;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ConfigSource;
import dev.vigil.config.VigilConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A real Vigil on a random port with its own SQLite file (or the given database URL), for tests. */
public final class RunningVigil implements AutoCloseable {
    private final Vigil vigil;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningVigil(Vigil vigil) {
        this.vigil = vigil;
    }

    /** Starts Vigil with the given YAML (its site block may be omitted) and data folder. */
    public static RunningVigil start(Path dataDir, String yaml) {
        return start(dataDir, yaml, Map.of());
    }

    public static RunningVigil start(Path dataDir, String yaml, Map<String, String> extraEnv) {
        return start(dataDir, yaml, extraEnv, Clock.systemUTC());
    }

    /** Starts Vigil on the given clock, such as a {@link MovableClock}. */
    public static RunningVigil start(Path dataDir, String yaml, Map<String, String> extraEnv, Clock clock) {
        return new RunningVigil(Vigil.build(config(dataDir, yaml, extraEnv), clock).start());
    }

    /**
     * Starts Vigil from a YAML file, as Main does, so that the console can reload it (issue 3);
     * the file needs its own site block.
     */
    public static RunningVigil startFromFile(Path file, Path dataDir) {
        Map<String, String> env = Map.of("VIGIL_PORT", "0", "VIGIL_DATA_DIR", dataDir.toString());
        return new RunningVigil(Vigil.build(ConfigLoader.load(file, env), Clock.systemUTC(), java.util.Set.of(),
                new ConfigSource(file, env)).start());
    }

    public static VigilConfig config(Path dataDir, String yaml, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("VIGIL_PORT", "0");
        env.put("VIGIL_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        String text = yaml.contains("site:") ? yaml
                : "site:\n  name: Test Status\n  url: http://status.test\n  time_zone: America/Los_Angeles\n" + yaml;
        return ConfigLoader.parse(text, env);
    }

    public Vigil vigil() {
        return vigil;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + vigil.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds, polling every 50 ms; fails after the timeout. */
    public static Duration await(Duration timeout, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
    }

    @Override
    public void close() {
        vigil.stop();
    }
}
