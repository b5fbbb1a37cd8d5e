package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The probe engine at scale, measured from outside: a fleet of HTTP monitors against local targets that answer
 * after a delay (and, optionally, a share that never answer), Vigil running as its own process from the jar with
 * its own SQLite database, and the figures read afterwards from what it recorded (each check's scheduled and
 * started times) and from /proc (CPU, peak RSS). Run by src/bench/fleet-bench.sh; see the README.
 */
public final class FleetBenchmark {
    private FleetBenchmark() {}

    public static void main(String[] args) throws Exception {
        FleetSettings settings = FleetSettings.parse(args);
        FleetReport.printMachine(settings);
        if (settings.findMax()) {
            findLargestFleet(settings);
        } else {
            FleetReport.print(run(settings));
        }
    }

    private static void findLargestFleet(FleetSettings settings) throws Exception {
        int largest = 0;
        for (int monitors : settings.fleetSizes()) {
            FleetFigures figures = run(settings.withMonitors(monitors));
            FleetReport.print(figures);
            if (!figures.meetsGoals()) {
                break;
            }
            largest = monitors;
        }
        System.out.printf(Locale.ROOT, "%nLargest fleet meeting every goal at a %d s interval: %,d monitors%n",
                settings.interval().toSeconds(), largest);
    }

    static FleetFigures run(FleetSettings settings) throws Exception {
        int hanging = settings.hangingMonitors();
        int answering = settings.monitors() - hanging;
        Path work = Files.createTempDirectory("vigil-fleet-");
        try (FleetTarget slow = FleetTarget.answeringAfter(settings.delay(), portsFor(answering));
                FleetTarget stuck = FleetTarget.neverAnswering(Math.max(1, portsFor(hanging)))) {
            Path config = FleetConfig.write(work, settings, slow.ports(), stuck.ports());
            int port = freePort();
            log("fleet of %,d monitors (%,d never answer), every %d s, for %d min after a %d s warm-up",
                    settings.monitors(), hanging, settings.interval().toSeconds(), settings.minutes(),
                    settings.warmup().toSeconds());
            Process vigil = start(settings, config, work, port);
            try {
                awaitListening(port, vigil);
                Instant windowStart = Instant.now().plus(settings.warmup());
                Thread.sleep(settings.warmup().toMillis());
                ProcessSample before = ProcessSample.of(vigil.pid());
                Instant windowEnd = windowStart.plus(Duration.ofMinutes(settings.minutes()));
                String health = sampleHealthUntil(port, windowEnd);
                ProcessSample after = ProcessSample.of(vigil.pid());
                // After the measured window, so that serving it does not count as the engine's CPU.
                String page = PageLoad.measure(port);
                FleetFigures figures = FleetResults.read(work.resolve("vigil.db"), settings, windowStart, windowEnd);
                return figures.withProcess(after.cpuCoresSince(before), after.peakRssBytes(), page, health);
            } finally {
                vigil.destroy();
                if (!vigil.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    vigil.destroyForcibly();
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Ten monitors a port: each port stands for a host of the fleet, well within the per-host limit. */
    private static int portsFor(int monitors) {
        return (monitors + 9) / 10;
    }

    private static Process start(FleetSettings settings, Path config, Path work, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", settings.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command.stream().filter(s -> !s.isEmpty()).toList());
        Map<String, String> env = builder.environment();
        env.put("VIGIL_CONFIG", config.toString());
        env.put("VIGIL_DATA_DIR", work.toString());
        env.put("VIGIL_PORT", Integer.toString(port));
        env.remove("VIGIL_DB_URL");
        builder.redirectErrorStream(true);
        builder.redirectOutput(work.resolve("vigil.log").toFile());
        return builder.start();
    }

    private static void awaitListening(int port, Process vigil) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!vigil.isAlive()) {
                throw new IllegalStateException("Vigil stopped while starting (exit " + vigil.exitValue() + ")");
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Vigil did not start listening within 2 minutes");
    }

    /** Asks /health every 10 s and keeps the worst answer that was not "ok", for the report. */
    private static String sampleHealthUntil(int port, Instant end) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String worst = "200 ok throughout";
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.min(10_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() != 200) {
                    String body = health.body();
                    worst = health.statusCode() + " " + body.substring(0, Math.min(300, body.length()));
                }
            } catch (IOException e) {
                worst = "no answer: " + e;
            }
        }
        return worst;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[fleet] " + format + "%n", args);
        System.out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
