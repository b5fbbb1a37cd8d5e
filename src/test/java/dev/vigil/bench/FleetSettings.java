package dev.vigil.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings, from its command line (--monitors 10000 --interval 60 --minutes 10 ...).
 *
 * @param hangingPercent the share of monitors pointing at a target that accepts and never answers
 * @param findMax try the fleet sizes in turn, largest last, until one misses a goal
 */
record FleetSettings(int monitors, Duration interval, Duration timeout, int minutes, Duration delay,
        double hangingPercent, boolean findMax, List<Integer> fleetSizes, Path jar, String javaOptions) {

    static FleetSettings parse(String[] args) {
        int monitors = 10_000;
        Duration interval = Duration.ofSeconds(60);
        Duration timeout = Duration.ofSeconds(10);
        int minutes = 10;
        Duration delay = Duration.ofMillis(200);
        double hanging = 0;
        boolean findMax = false;
        List<Integer> sizes = List.of(2_500, 5_000, 7_500, 10_000, 12_500, 15_000);
        Path jar = Path.of("target/vigil.jar");
        String javaOptions = "-Xmx256m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--monitors" -> monitors = Integer.parseInt(value);
                case "--interval" -> interval = Duration.ofSeconds(Long.parseLong(value));
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
                case "--minutes" -> minutes = Integer.parseInt(value);
                case "--delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                case "--hanging-percent" -> hanging = Double.parseDouble(value);
                case "--find-max" -> {
                    findMax = true;
                    i--;
                }
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "--jar" -> jar = Path.of(value);
                case "--java-options" -> javaOptions = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see FleetSettings");
            }
            i++;
        }
        if (timeout.compareTo(interval) > 0) {
            timeout = interval;
        }
        return new FleetSettings(monitors, interval, timeout, minutes, delay, hanging, findMax, sizes, jar,
                javaOptions);
    }

    int hangingMonitors() {
        return (int) Math.round(monitors * hangingPercent / 100);
    }

    /** Long enough for every monitor's first check, which the engine spreads over one interval. */
    Duration warmup() {
        return interval.plusSeconds(15);
    }

    FleetSettings withMonitors(int count) {
        return new FleetSettings(count, interval, timeout, minutes, delay, hangingPercent, false, fleetSizes, jar,
                javaOptions);
    }
}
