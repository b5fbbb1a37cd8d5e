package dev.vigil.config;

/**
 * A value a step keeps from its answer for later steps' {{name}}, from exactly one place: a JSON path in the body
 * ({@code $.token}), a response header ({@code header:Location}), or the one group of a regular expression
 * matched in the body ({@code regex:id=(\d+)}).
 *
 * @param written the source as written, for messages and the console
 */
public record Extraction(String name, String written, JsonPath json, String header, Regex regex) {
    public static final String HEADER_PREFIX = "header:";
    public static final String REGEX_PREFIX = "regex:";

    @Override
    public String toString() {
        return written;
    }
}
