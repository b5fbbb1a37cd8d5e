package dev.vigil.incidents;

import java.util.Locale;

/** The lifecycle of an incident, with the Statuspage API names. */
public enum IncidentStatus {
    INVESTIGATING("Investigating"),
    IDENTIFIED("Identified"),
    MONITORING("Monitoring"),
    RESOLVED("Resolved"),
    POSTMORTEM("Postmortem");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != RESOLVED && this != POSTMORTEM;
    }

    public static IncidentStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
