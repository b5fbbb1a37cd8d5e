package dev.vigil.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One /metrics answer read back as samples, as a Prometheus server reads the text format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): comment lines skipped, each other line a
 * name, optional {labels} and a value.
 */
record Scrape(String text, List<Sample> samples) {
    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape of(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new AssertionError("not a line of the Prometheus text format: " + line);
            }
            samples.add(new Sample(matcher.group(1), labels(matcher.group(2)), Double.parseDouble(matcher.group(3))));
        }
        return new Scrape(text, samples);
    }

    /** The value of the one sample with this name and these labels (and perhaps others), if there is one. */
    Optional<Double> value(String name, String... labelPairs) {
        List<Sample> found = matching(name, labelPairs);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples match " + name + " " + List.of(labelPairs));
        }
        return found.stream().findFirst().map(Sample::value);
    }

    List<Sample> matching(String name, String... labelPairs) {
        return samples.stream().filter(s -> s.name().equals(name) && has(s.labels(), labelPairs)).toList();
    }

    boolean hasFamily(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name) || s.name().startsWith(name + "_"));
    }

    private static boolean has(Map<String, String> labels, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher matcher = LABEL.matcher(text);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            labels.put(matcher.group(1), matcher.group(2).replace("\\\"", "\"").replace("\\n", "\n")
                    .replace("\\\\", "\\"));
            end = matcher.end();
        }
        if (end != text.length()) {
            throw new AssertionError("labels not in the text format: {" + text + "}");
        }
        return labels;
    }
}
