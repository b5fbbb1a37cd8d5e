package dev.vigil.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression from the configuration, compiled once when the file is read. Two are equal when they were
 * written the same, so that a probe whose settings did not change is not restarted on reload (Pattern itself
 * compares by identity).
 */
public final class Regex {
    private final String source;
    private final Pattern pattern;

    private Regex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws PatternSyntaxException when the text is not a regular expression Java understands */
    public static Regex compile(String source) {
        return new Regex(source, Pattern.compile(source));
    }

    /** Why the text is not a regular expression, in one line: "Unclosed group near index 3". */
    static String problemOf(PatternSyntaxException e) {
        return e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
    }

    public String source() {
        return source;
    }

    public Matcher matcher(CharSequence text) {
        return pattern.matcher(text);
    }

    /** Whether the expression matches anywhere in the text, as grep would. */
    public boolean foundIn(CharSequence text) {
        return pattern.matcher(text).find();
    }

    public int groupCount() {
        return pattern.matcher("").groupCount();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Regex regex && regex.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source);
    }

    /** As written in failure reasons: /ok|ready/. */
    @Override
    public String toString() {
        return "/" + source + "/";
    }
}
