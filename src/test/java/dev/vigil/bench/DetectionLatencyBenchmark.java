package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long after a target goes down the incident shows in summary.json, and how long
 * after it comes back the incident is gone, with interval 2s and failures_to_open 2. Not a test:
 * run it with  mvn -q test -Dtest=DetectionLatencyBenchmark -Dbenchmark=true
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DetectionLatencyBenchmark {
    private static final int ROUNDS = 5;

    @TempDir
    Path dataDir;

    @Test
    void measureDetectionAndRecovery() throws Exception {
        List<Long> detection = new ArrayList<>();
        List<Long> recovery = new ArrayList<>();
        try (TargetServer target = TargetServer.start();
                RunningVigil vigil = RunningVigil.start(dataDir, """
                        components:
                          - id: web
                            name: Web application
                        probes:
                          - id: web-home
                            component: web
                            url: %s
                            interval: 2s
                            timeout: 1s
                            failures_to_open: 2
                            successes_to_close: 2
                        """.formatted(target.url()))) {
            RunningVigil.await(Duration.ofSeconds(10), "a first check", () -> summary(vigil).contains("operational"));
            for (int round = 0; round < ROUNDS; round++) {
                // Go down at a random point of the check cycle, as real outages do.
                Thread.sleep(2000 + (long) (Math.random() * 2000));
                target.down();
                detection.add(RunningVigil.await(Duration.ofSeconds(20), "the incident",
                        () -> summary(vigil).contains("\"investigating\"")).toMillis());
                Thread.sleep((long) (Math.random() * 2000));
                target.up();
                recovery.add(RunningVigil.await(Duration.ofSeconds(20), "the recovery",
                        () -> summary(vigil).contains("\"incidents\":[]")).toMillis());
            }
        }
        System.out.printf("%nDetection latency (interval 2s, failures_to_open 2), %d rounds:%n", ROUNDS);
        report("target down -> incident in summary.json", detection);
        report("target up   -> incident resolved in summary.json", recovery);
        // Two failing checks 2 s apart, plus the wait for the first one, plus the snapshot: never near 10 s.
        assertThat(detection).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));
        assertThat(recovery).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-50s min %5d ms  median %5d ms  max %5d ms  all %s%n", what,
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), millis);
    }

    private static String summary(RunningVigil vigil) {
        return vigil.get("/api/v2/summary.json").body();
    }
}
