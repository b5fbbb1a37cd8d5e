package dev.vigil.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces ${VAR} and ${VAR:-default} in the raw configuration text with environment values,
 * before the YAML is parsed, so that any value (a URL, a port inside a URL, a name) can come
 * from the environment.
 */
final class EnvExpander {
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\\n]*))?}");

    private EnvExpander() {}

    /** The expanded text, or empty when some variable is missing; each missing one is reported. */
    static Optional<String> expand(String text, Map<String, String> env, Problems problems) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        boolean complete = true;
        while (reference.find()) {
            String name = reference.group(1);
            String value = valueOf(name, reference.group(2), env);
            if (value == null) {
                problems.addGeneral("line " + lineOf(text, reference.start()) + ": environment variable " + name
                        + " is not set; set it or give a default with ${" + name + ":-value}");
                complete = false;
                value = "";
            }
            reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        reference.appendTail(expanded);
        return complete ? Optional.of(expanded.toString()) : Optional.empty();
    }

    // Like the shell's ${VAR:-default}: the default also applies when the variable is set but empty.
    private static String valueOf(String name, String defaultValue, Map<String, String> env) {
        String value = env.get(name);
        if (defaultValue != null && (value == null || value.isEmpty())) {
            return defaultValue;
        }
        return value;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
