package dev.vigil.postmortems;

import dev.vigil.incidents.Impact;
import java.util.Locale;
import java.util.Optional;

/** How bad the event the postmortem describes was: sev1 is the worst. */
public enum Severity {
    SEV1("SEV1 (critical)"),
    SEV2("SEV2 (major)"),
    SEV3("SEV3 (minor)"),
    SEV4("SEV4 (no customer impact)");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The stored name: sev1 .. sev4. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The severity an incident's impact suggests. */
    public static Severity of(Impact impact) {
        return switch (impact) {
            case CRITICAL -> SEV1;
            case MAJOR -> SEV2;
            case MINOR -> SEV3;
            case NONE -> SEV4;
        };
    }

    /** The worse of the two. */
    public Severity worst(Severity other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    public static Optional<Severity> parse(String key) {
        for (Severity severity : values()) {
            if (severity.key().equals(key)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
