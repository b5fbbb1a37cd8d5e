package dev.vigil.actionitems;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum of action items whose constants are stored, typed in forms and sent in the API as their
 * lower-case names ("in_progress"), and shown to people by a label.
 */
public interface Keyed {
    String name();

    String label();

    default String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & Keyed> Optional<E> parse(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.key().equals(key)).findFirst();
    }

    static <E extends Enum<E> & Keyed> List<String> keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList();
    }
}
