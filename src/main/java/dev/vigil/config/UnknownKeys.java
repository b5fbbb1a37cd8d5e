package dev.vigil.config;

import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Explains an unknown key: a misspelt key would otherwise be ignored and its default used silently. */
final class UnknownKeys {
    private static final int MAX_TYPO_DISTANCE = 3;

    private UnknownKeys() {}

    static String explain(String unknownKey, List<String> allowedKeys) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        // min keeps the first of equally near keys, so ties go to the key declared first.
        String nearest = allowedKeys.stream()
                .min(Comparator.comparingInt(key -> distance.apply(unknownKey, key)))
                .orElseThrow();
        if (distance.apply(unknownKey, nearest) <= MAX_TYPO_DISTANCE) {
            return "unknown key; did you mean \"" + nearest + "\"?";
        }
        return "unknown key; allowed: " + String.join(", ", allowedKeys);
    }
}
