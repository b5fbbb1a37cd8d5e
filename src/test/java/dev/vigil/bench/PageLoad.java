package dev.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public page under load while the fleet runs: wrk for ten seconds, gzip, as its own benchmark runs it. */
final class PageLoad {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+\\w+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([\\d.]+\\w+)");

    private PageLoad() {}

    static String measure(int port) throws InterruptedException {
        List<String> command = List.of("wrk", "-t2", "-c64", "-d10s", "--latency", "-H", "Accept-Encoding: gzip",
                "http://127.0.0.1:" + port + "/");
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            return String.format("%s req/s, p50 %s, p99 %s (%s)", find(RATE, output), find(P50, output),
                    find(P99, output), String.join(" ", command.subList(0, 5)));
        } catch (IOException e) {
            return "not measured: wrk is not installed";
        }
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
