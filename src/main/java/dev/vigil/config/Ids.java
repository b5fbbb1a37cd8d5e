package dev.vigil.config;

import java.util.Set;
import java.util.regex.Pattern;

/** Ids of components and probes: they appear in URLs and in the database, so they stay short and plain. */
final class Ids {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Ids() {}

    /** Reads the required id of section, reporting a bad format or an id already in taken (which it extends). */
    static String read(Section section, Set<String> taken) {
        String id = section.requiredText("id");
        if (id == null) {
            return null;
        }
        if (!FORMAT.matcher(id).matches()) {
            section.reject("id", "must be 1 to 63 lowercase letters, digits, - or _, starting with a letter or digit");
        } else if (!taken.add(id)) {
            section.reject("id", "is used twice");
        }
        return id;
    }
}
