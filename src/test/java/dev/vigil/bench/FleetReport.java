package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Prints the machine and each run's figures against the goals, as a Markdown table. */
final class FleetReport {
    private FleetReport() {}

    static void printMachine(FleetSettings settings) {
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s, %s %s, Java %s, %s; Vigil with %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), LocalDate.now(),
                settings.javaOptions());
    }

    static void print(FleetFigures f) {
        FleetSettings s = f.settings();
        System.out.printf(Locale.ROOT, "%n%,d HTTP monitors every %d s (timeout %d s), target answers after %d ms, "
                        + "%,d never answer; %d min measured%n%n",
                s.monitors(), s.interval().toSeconds(), s.timeout().toSeconds(), s.delay().toMillis(),
                s.hangingMonitors(), s.minutes());
        System.out.println("| figure | measured | goal |");
        System.out.println("|---|--:|--:|");
        row("checks due in the window (monitors x window / interval)", String.format(Locale.ROOT, "%,d", f.expected()), "");
        row("checks recorded as run", String.format(Locale.ROOT, "%,d (%,d down)", f.started(), f.down()), "");
        row("started within 1 s of schedule", String.format(Locale.ROOT, "%.3f %%", 100 * f.onTimeShare()),
                "≥ 99.9 %");
        row("start lag p50 / p99 / max", f.lagP50() + " / " + f.lagP99() + " / " + f.lagMax() + " ms", "");
        row("checks skipped", String.format(Locale.ROOT, "%,d", f.skipped()), "0");
        row("Vigil's average CPU", String.format(Locale.ROOT, "%.2f cores", f.cpuCores()), "≤ 1 core");
        row("Vigil's peak RSS", String.format(Locale.ROOT, "%,d MB", f.peakRssBytes() / 1024 / 1024), "≤ 512 MB");
        row("public page meanwhile (gzip)", f.page(), "");
        row("/health during the window", f.health(), "");
        System.out.printf(Locale.ROOT, "%nGoals %s. Load average at the end (1, 5, 15 min): %s%n",
                f.meetsGoals() ? "met" : "NOT met", loadAverage());
    }

    private static void row(String figure, String measured, String goal) {
        System.out.println("| " + figure + " | " + measured + " | " + goal + " |");
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
