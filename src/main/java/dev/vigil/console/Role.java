package dev.vigil.console;

import java.util.Locale;
import java.util.Optional;

/** What a staff member may do. Each role includes the ones below it. */
public enum Role {
    VIEWER("Viewer: reads the console"),
    EDITOR("Editor: incidents, notices, maintenance and postmortems"),
    ADMIN("Admin: everything, users and settings included");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Optional<Role> parse(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
