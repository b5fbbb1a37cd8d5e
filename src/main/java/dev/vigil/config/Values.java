package dev.vigil.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** How raw YAML values are recognised and shown back in messages. */
final class Values {
    private Values() {}

    static boolean isScalar(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>);
    }

    /** The value as the user wrote it, quoted, or the kind of block when it is not a single value. */
    static String show(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        return "\"" + value + "\"";
    }

    /** Whole numbers, also when quoted: "3" is as clear as 3 and may come from an env variable. */
    static Optional<Long> wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof String text && text.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }
}
