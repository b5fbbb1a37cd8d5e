package dev.vigil.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while reading one configuration. Reading goes on after a problem so that
 * the user can fix them all in one go instead of one per restart.
 */
final class Problems {
    private final List<String> messages = new ArrayList<>();

    /** A problem with one key; path is where it is in the file, such as probes[0].url. */
    void add(String path, String message) {
        messages.add(path + ": " + message);
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
