package dev.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML mapping of the configuration together with its key path, so that each value read
 * from it is checked and each problem is reported under the key the user wrote.
 *
 * <p>A wrong value is reported and then replaced: durations and URLs by null (so that checks
 * depending on them are skipped instead of piling up), numbers and flags by their default.
 * The loader throws before any replaced value can leave it.
 */
record Section(String path, Map<?, ?> values, Problems problems) {

    /** The top level of the file, or empty (reported) when it is not a mapping. */
    static Optional<Section> root(Object document, List<String> allowedKeys, Problems problems) {
        if (!(document instanceof Map<?, ?> map)) {
            problems.add("top level", Values.show(document) + " must be a mapping with the keys "
                    + String.join(", ", allowedKeys));
            return Optional.empty();
        }
        Section root = new Section("", map, problems);
        root.allowOnly(allowedKeys);
        return Optional.of(root);
    }

    /** One entry on its own, such as a probe from a console form: its keys are reported by their bare names. */
    static Section entry(Map<?, ?> values, List<String> allowedKeys, Problems problems) {
        Section entry = new Section("", values, problems);
        entry.allowOnly(allowedKeys);
        return entry;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** Reports the key with the value as written followed by what is wrong with it. */
    void reject(String key, String requirement) {
        problems.add(pathOf(key), Values.show(raw(key)) + " " + requirement);
    }

    void complain(String key, String message) {
        problems.add(pathOf(key), message);
    }

    /**
     * A nested mapping; an absent one reads as empty so that its own required keys are reported.
     * Empty (reported) when the value is not a mapping.
     */
    Optional<Section> mapping(String key, List<String> allowedKeys) {
        Object value = raw(key);
        if (value == null) {
            return Optional.of(new Section(pathOf(key), Map.of(), problems));
        }
        if (!(value instanceof Map<?, ?> map)) {
            reject(key, "must be a mapping with the keys " + String.join(", ", allowedKeys));
            return Optional.empty();
        }
        Section section = new Section(pathOf(key), map, problems);
        section.allowOnly(allowedKeys);
        return Optional.of(section);
    }

    /** A list of mappings, in file order; entries that are not mappings are reported and skipped. */
    List<Section> listOfMappings(String key, List<String> allowedKeys) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            reject(key, "must be a list; start each entry with \"- \"");
            return List.of();
        }
        List<Section> sections = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            String itemPath = pathOf(key) + "[" + index + "]";
            if (items.get(index) instanceof Map<?, ?> map) {
                Section section = new Section(itemPath, map, problems);
                section.allowOnly(allowedKeys);
                sections.add(section);
            } else {
                problems.add(itemPath, Values.show(items.get(index)) + " must be a mapping with the keys "
                        + String.join(", ", allowedKeys));
            }
        }
        return sections;
    }

    String requiredText(String key) {
        Object value = raw(key);
        if (value == null || (Values.isScalar(value) && value.toString().isBlank())) {
            complain(key, "required");
            return null;
        }
        return optionalText(key);
    }

    /** Text, or null when absent or empty. Numbers and booleans count as text: "group: 2024" is fine. */
    String optionalText(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (!Values.isScalar(value)) {
            reject(key, "must be text");
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /** Reports text longer than maxLength; the text itself is left out of the message, it may be long. */
    void checkLength(String key, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            complain(key, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
        }
    }

    int wholeNumber(String key, int defaultValue, int min, int max) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        Optional<Long> number = Values.wholeNumber(value);
        if (number.isEmpty() || number.get() < min || number.get() > max) {
            reject(key, "must be a whole number from " + min + " to " + max);
            return defaultValue;
        }
        return number.get().intValue();
    }

    boolean flag(String key, boolean defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            reject(key, "must be true or false");
            return defaultValue;
        }
        return flag;
    }

    /** The duration, defaultValue when absent (it may be null), or null when it is not a duration. */
    Duration duration(String key, Duration defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        Optional<Duration> duration = Values.isScalar(value) ? Durations.parse(value.toString()) : Optional.empty();
        if (duration.isEmpty()) {
            reject(key, "is not a duration; use 30s, 5m or 1h");
            return null;
        }
        return duration.get();
    }

    long byteSize(String key, long defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        Optional<Long> size = Values.wholeNumber(value);
        if (size.isEmpty() && value instanceof String text) {
            size = ByteSizes.parse(text);
        }
        if (size.isEmpty()) {
            reject(key, "is not a size; use 512KiB, 1MiB or a number of bytes");
            return defaultValue;
        }
        return size.get();
    }

    /** A required absolute http or https URL with a host, or null (reported). */
    URI httpUrl(String key) {
        String text = requiredText(key);
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        // The reload preview shows these problems to staff, so a URL that parses is echoed with its secrets masked.
        String shown = uri == null ? Values.show(raw(key)) : Values.show(RedactedUrl.of(uri));
        if (uri == null || uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())) {
            complain(key, shown + " must be an http or https URL");
            return null;
        }
        if (uri.getHost() == null) {
            complain(key, shown + " must be an http or https URL with a host");
            return null;
        }
        return uri;
    }

    /** Reports every key not in allowedKeys. */
    private void allowOnly(List<String> allowedKeys) {
        for (Object key : values.keySet()) {
            String name = String.valueOf(key);
            if (!allowedKeys.contains(name)) {
                problems.add(pathOf(name), UnknownKeys.explain(name, allowedKeys));
            }
        }
    }
}
