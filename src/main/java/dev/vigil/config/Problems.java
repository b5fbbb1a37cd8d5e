package dev.vigil.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found while reading one configuration. Reading goes on after a problem so that
 * the user can fix them all in one go instead of one per restart.
 */
final class Problems {
    private final List<String> messages = new ArrayList<>();
    private final Map<String, String> byPath = new LinkedHashMap<>();

    /** A problem with one key; path is where it is in the file, such as probes[0].url. */
    void add(String path, String message) {
        messages.add(path + ": " + message);
        byPath.putIfAbsent(path, message);
    }

    /** The first problem of each key, by its path; for forms that mark their fields (issue 3). */
    Map<String, String> byPath() {
        return byPath;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** A problem that belongs to no key, such as a YAML syntax error. */
    void addGeneral(String message) {
        messages.add(message);
    }

    /** How many problems were found so far. */
    int count() {
        return messages.size();
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }
}
