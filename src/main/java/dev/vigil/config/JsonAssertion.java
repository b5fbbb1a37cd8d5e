package dev.vigil.config;

/**
 * One check of a JSON answer: the value at path equals a value, matches an expression, or (with neither) is there.
 *
 * @param expected the text, number or true/false the value must equal; null when not compared
 * @param matches null when not matched
 */
public record JsonAssertion(JsonPath path, Object expected, Regex matches) {

    /** In the file's notation, for the console and the reload preview: "$.status equals ok". */
    @Override
    public String toString() {
        if (expected != null) {
            return path + " equals " + expected;
        }
        return matches != null ? path + " matches " + matches : path + " is present";
    }
}
