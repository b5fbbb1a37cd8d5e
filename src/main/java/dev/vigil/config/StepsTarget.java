package dev.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A steps probe: HTTP requests made one after the other as a person would (sign in, search, open a result), with
 * cookies carried from one to the next and values extracted from one answer filled into later requests as
 * {{name}}. All steps share the probe's timeout.
 *
 * @param connectTimeout each step's connection; never longer than the probe's timeout
 * @param maxBodyBytes how much of each answer is read at most
 */
public record StepsTarget(List<Step> steps, Duration connectTimeout, long maxBodyBytes) implements ProbeTarget {
    public static final String TYPE = "steps";
    public static final int MAX_STEPS = 10;

    public StepsTarget {
        steps = List.copyOf(steps);
    }

    /**
     * One request of the scenario.
     *
     * @param name null when the step has none; it is then named by its number alone
     * @param url with {{name}} placeholders; relative only when it starts with one (such as an extracted Location)
     * @param extract in file order
     */
    public record Step(String name, String url, RequestSettings request, HttpTarget.Expectation expect,
            List<Extraction> extract) {

        public Step {
            extract = List.copyOf(extract);
        }

        /** Its URL with secrets masked, and its request as staff see it. */
        @Override
        public String toString() {
            return (name == null ? "" : "\"" + name + "\" ") + shownUrl(url) + " " + request;
        }

        /** How failure reasons name it: step 2 "search", or step 2. */
        public String label(int index) {
            return "step " + (index + 1) + (name == null ? "" : " \"" + name + "\"");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The first step's host: the one the scenario starts on (its URL cannot hold a placeholder). */
    @Override
    public String host() {
        return HttpTarget.hostOf(URI.create(steps.get(0).url()));
    }

    /** "3 steps from http://shop.test/sign-in: sign in, search, open a result". */
    @Override
    public String shown() {
        String names = steps.stream().filter(step -> step.name() != null).map(Step::name)
                .collect(Collectors.joining(", "));
        return steps.size() + (steps.size() == 1 ? " step from " : " steps from ") + shownUrl(steps.get(0).url())
                + (names.isEmpty() ? "" : ": " + names);
    }

    @Override
    public Map<String, String> fields() {
        return fields(false);
    }

    @Override
    public Map<String, String> shownFields() {
        return fields(true);
    }

    private Map<String, String> fields(boolean masked) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("connect_timeout", Durations.format(connectTimeout));
        fields.put("max_body", ByteSizes.format(maxBodyBytes));
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            String prefix = "steps[" + index + "].";
            fields.put(prefix + "name", step.name() == null ? "" : step.name());
            fields.put(prefix + "url", masked ? shownUrl(step.url()) : step.url());
            RequestFields.put(fields, prefix, step.request(), masked);
            RequestFields.put(fields, prefix, step.expect());
            step.extract().forEach(extraction -> fields.put(prefix + "extract." + extraction.name(), extraction.written()));
        }
        return fields;
    }

    /** As staff see it, secrets masked, so that a log line or an exception message never holds one. */
    @Override
    public String toString() {
        return TYPE + " " + shownFields();
    }

    /** The URL with its secrets masked as {@link RedactedUrl} does; placeholders are kept as written. */
    static String shownUrl(String template) {
        // Braces cannot stand in a URI; percent-encoded, they survive the masking and are put back after it.
        String braced = Placeholders.rewrite(template, name -> "%7B%7B" + name + "%7D%7D");
        try {
            return RedactedUrl.of(new URI(braced)).replace("%7B%7B", "{{").replace("%7D%7D", "}}");
        } catch (URISyntaxException e) {
            return "(a URL that is not shown)";
        }
    }
}
