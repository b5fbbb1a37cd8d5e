package dev.vigil.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {{name}} placeholders of a steps probe, filled with what earlier steps extracted. Double braces, because
 * ${NAME} belongs to the environment and is expanded before the file is read.
 */
public final class Placeholders {
    static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,63}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(" + NAME + ")\\s*}}");
    /** Anything in double braces, to catch {{first-id}} that would otherwise be sent as it is. */
    private static final Pattern BRACED = Pattern.compile("\\{\\{(.*?)}}");

    private Placeholders() {}

    /** The names used in the text, in order of first use. */
    static Set<String> namesIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    /** The first {{...}} in the text that is not a placeholder, or null. */
    static String malformedIn(String text) {
        Matcher braced = BRACED.matcher(text);
        while (braced.find()) {
            if (!PLACEHOLDER.matcher(braced.group()).matches()) {
                return braced.group();
            }
        }
        return null;
    }

    static boolean startsWithOne(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text.strip());
        return placeholder.lookingAt();
    }

    /**
     * The text with each placeholder replaced by its value passed through encode (such as percent-encoding for a
     * URL); a name without a value is left as it is (the configuration makes sure there is none).
     */
    public static String fill(String text, Map<String, String> values, UnaryOperator<String> encode) {
        return rewrite(text, name -> values.containsKey(name) ? encode.apply(values.get(name)) : null);
    }

    /** The text with each placeholder replaced by byName's answer for its name, or left as it is for null. */
    static String rewrite(String text, UnaryOperator<String> byName) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = byName.apply(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /**
     * The text with each placeholder replaced by a stand-in, to check the rest of a URL template: a digit, as it
     * fits wherever a placeholder may stand (host, port, path, query).
     */
    static String neutral(String text) {
        return rewrite(text, name -> "0");
    }
}
