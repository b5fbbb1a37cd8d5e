package dev.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The keys of a steps probe: its list of requests, each read like an HTTP probe's, plus the step's name and what it
 * extracts. A {{name}} that no earlier step extracts is refused here rather than sent as it is.
 */
final class StepsTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("steps", "connect_timeout", "max_body");
    static final List<String> STEP_KEYS = List.of("name", "url", "method", "headers", "body", "auth",
            "follow_redirects", "expect", "extract");
    private static final int MAX_NAME = 60;

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        Duration connectTimeout = HttpTargetReader.connectTimeout(probe, timeout);
        long maxBody = HttpTargetReader.maxBody(probe);
        if (!(probe.raw("steps") instanceof List<?> raw) || raw.isEmpty()) {
            probe.complain("steps", "required: a list of HTTP requests, each with a url");
            return null;
        }
        if (raw.size() > StepsTarget.MAX_STEPS) {
            probe.complain("steps", "has " + raw.size() + " steps; at most " + StepsTarget.MAX_STEPS + " are allowed");
            return null;
        }
        List<Section> sections = probe.listOfMappings("steps", STEP_KEYS);
        Set<String> extracted = new LinkedHashSet<>();
        List<StepsTarget.Step> steps = new ArrayList<>();
        for (int index = 0; index < sections.size(); index++) {
            StepsTarget.Step step = step(sections.get(index), index == 0, timeout, extracted);
            if (step != null) {
                steps.add(step);
            }
        }
        boolean complete = steps.size() == raw.size() && connectTimeout != null;
        return complete ? new StepsTarget(steps, connectTimeout, maxBody) : null;
    }

    private static StepsTarget.Step step(Section step, boolean first, Duration timeout, Set<String> extracted) {
        String name = step.optionalText("name");
        step.checkLength("name", name, MAX_NAME);
        String url = url(step, first);
        RequestSettings request = RequestReader.read(step);
        HttpTarget.Expectation expect = ExpectationReader.read(step, timeout);
        checkPlaceholders(step, url, request, extracted);
        List<Extraction> extract = extractions(step);
        extract.forEach(extraction -> extracted.add(extraction.name()));
        return url == null ? null : new StepsTarget.Step(name == null ? null : name.strip(), url, request, expect,
                extract);
    }

    /**
     * The URL template, checked with its placeholders filled by a stand-in. One that starts with a placeholder
     * (an extracted Location, say) may be relative: it is resolved against the previous step's URL when filled.
     */
    private static String url(Section step, boolean first) {
        String text = step.requiredText("url");
        if (text == null) {
            return null;
        }
        String template = text.strip();
        if (!first && Placeholders.startsWithOne(template)) {
            return template;
        }
        URI uri;
        try {
            uri = new URI(Placeholders.neutral(template));
        } catch (URISyntaxException e) {
            uri = null;
        }
        String shown = Values.show(StepsTarget.shownUrl(template));
        if (uri == null || uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())) {
            step.complain("url", shown + " must be an http or https URL");
            return null;
        }
        if (uri.getHost() == null) {
            step.complain("url", shown + " must be an http or https URL with a host");
            return null;
        }
        return template;
    }

    private static void checkPlaceholders(Section step, String url, RequestSettings request, Set<String> extracted) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("url", url);
        request.headers().forEach((header, value) -> texts.put("headers." + header, value));
        texts.put("body", request.body());
        if (request.auth() != null) {
            texts.put("auth", (request.auth().user() == null ? "" : request.auth().user()) + " " + request.auth().secret());
        }
        texts.forEach((key, text) -> {
            if (text == null) {
                return;
            }
            String malformed = Placeholders.malformedIn(text);
            if (malformed != null) {
                step.complain(key, "\"" + malformed + "\" is not a placeholder: a name has letters, digits and _, "
                        + "starting with a letter or _");
            }
            for (String name : Placeholders.namesIn(text)) {
                if (!extracted.contains(name)) {
                    step.complain(key, "{{" + name + "}} is not extracted by an earlier step; "
                            + (extracted.isEmpty() ? "no earlier step extracts a value"
                                    : "earlier steps extract " + String.join(", ", extracted)));
                }
            }
        });
    }

    private static List<Extraction> extractions(Section step) {
        List<Extraction> extractions = new ArrayList<>();
        Section section = RequestReader.openMapping(step, "extract",
                "a mapping of names to $.path, header:NAME or regex:EXPRESSION");
        if (section == null) {
            return extractions;
        }
        for (Object key : section.values().keySet()) {
            String name = String.valueOf(key);
            if (!name.matches(Placeholders.NAME)) {
                section.complain(name, "is not a name for {{...}}: use letters, digits and _, starting with a letter or _");
                continue;
            }
            String written = section.requiredText(name);
            Extraction extraction = written == null ? null : extraction(section, name, written.strip());
            if (extraction != null) {
                extractions.add(extraction);
            }
        }
        return extractions;
    }

    private static Extraction extraction(Section section, String name, String written) {
        if (written.startsWith("$")) {
            JsonPath path = ExpectationReader.jsonPath(section, name);
            return path == null ? null : new Extraction(name, written, path, null, null);
        }
        if (written.startsWith(Extraction.HEADER_PREFIX)) {
            String header = written.substring(Extraction.HEADER_PREFIX.length()).strip();
            if (!RequestReader.HEADER_NAME.matcher(header).matches()) {
                section.reject(name, "does not name a header after header:, as in header:Location");
                return null;
            }
            return new Extraction(name, written, null, header, null);
        }
        if (written.startsWith(Extraction.REGEX_PREFIX)) {
            return regexExtraction(section, name, written);
        }
        section.reject(name, "must be a JSON path such as $.token, header:NAME, or regex:EXPRESSION with one group");
        return null;
    }

    private static Extraction regexExtraction(Section section, String name, String written) {
        Regex regex;
        try {
            regex = Regex.compile(written.substring(Extraction.REGEX_PREFIX.length()));
        } catch (PatternSyntaxException e) {
            section.reject(name, "is not a regular expression: " + Regex.problemOf(e));
            return null;
        }
        if (regex.groupCount() != 1) {
            section.reject(name, "must have exactly one group in parentheses, the part kept, as in regex:id=(\\d+)");
            return null;
        }
        return new Extraction(name, written, null, null, regex);
    }
}
