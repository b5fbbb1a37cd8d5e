package dev.vigil.config;

import java.util.Map;

/**
 * What one probe checks, by type: an HTTP URL, a TCP port, a certificate, a DNS name, a heartbeat. Each type is a
 * record of its own; the settings every probe shares (interval, timeout, thresholds, locations) are in
 * {@link ProbeConfig}.
 */
public interface ProbeTarget {
    /** The probe type as written in vigil.yml ("http", "tcp", ...). */
    String type();

    /**
     * "host:port" that the engine's per-host limit counts by, lower case; null for a type that connects to
     * nothing (a heartbeat waits for pings).
     */
    String host();

    /** A one-line description for staff (console, API, logs) with passwords and tokens masked. */
    String shown();

    /** The settings as text in the file's notation, by flat key ("url", "expect.status"); secrets included. */
    Map<String, String> fields();

    /** {@link #fields()} as staff may see them: secrets masked. */
    default Map<String, String> shownFields() {
        return fields();
    }
}
